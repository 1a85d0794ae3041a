"use client";

import type { TAuditResponse, TUser } from "@arbiter/shared";
import Link from "next/link";
import { Fragment, useState } from "react";
import {
  AbsoluteTime,
  Badge,
  type BadgeTone,
  Button,
  EmptyState,
  ErrorState,
  Input,
  PagedListFoot,
  PageHeader,
  RelativeTime,
  SelectField,
  useDebounced,
  usePagedList,
} from "@/components/ui";
import tableStyles from "@/components/ui/table.module.css";
import textStyles from "@/components/ui/text.module.css";
import { type AuditFilter, listAudit } from "../api";
import styles from "./admin.module.css";

const ACTION_PREFIXES = [
  "user.",
  "pool.",
  "invite.",
  "annotator.",
  "project.",
  "crowd.",
  "api_key.",
  "export.",
  "generator.",
];
const TARGET_TYPES = ["user", "pool", "invite", "project", "api_key", "export", "generator"];

function toneOf(action: string): BadgeTone {
  if (/suspend|revoke|quarantin|reject|delete|remove/.test(action)) return "danger";
  if (/create|accept|join|admitted|reinstate|add/.test(action)) return "success";
  return "neutral";
}

/** A local calendar day as the instant it starts (from) or the instant the next day starts (to). */
function dayBound(day: string, end: boolean): string | undefined {
  if (!day) return undefined;
  const d = new Date(`${day}T00:00:00`);
  if (end) d.setDate(d.getDate() + 1);
  return d.toISOString();
}

/** A person in the log, by email, linking to the users page filtered to them. */
function PersonLink({ person }: { person: { email: string } }) {
  return (
    <Link
      href={`/admin/users?q=${encodeURIComponent(person.email)}`}
      className={textStyles.secondaryText}
      style={{ display: "block" }}
    >
      {person.email}
    </Link>
  );
}

export function AuditPage({ initial, actors }: { initial: TAuditResponse; actors: TUser[] }) {
  const [action, setAction] = useState("");
  const [actorId, setActorId] = useState("");
  const [targetType, setTargetType] = useState("");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [open, setOpen] = useState<Set<string>>(new Set());
  const debouncedAction = useDebounced(action.trim());
  const filter: AuditFilter = {
    action: debouncedAction || undefined,
    actorId: actorId || undefined,
    targetType: targetType || undefined,
    from: dayBound(from, false),
    to: dayBound(to, true),
  };
  const key = JSON.stringify(filter);
  const list = usePagedList(
    async (cursor) => {
      const page = await listAudit(filter, cursor);
      return { rows: page.events, nextCursor: page.nextCursor };
    },
    key,
    { rows: initial.events, nextCursor: initial.nextCursor },
  );
  const filtered = key !== "{}";
  const toggle = (id: string) =>
    setOpen((all) => {
      const next = new Set(all);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  function clear() {
    setAction("");
    setActorId("");
    setTargetType("");
    setFrom("");
    setTo("");
  }

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every administrative action, who took it and when. Newest first; entries cannot be edited."
      />
      <search className={styles.toolbar}>
        <div className={styles.grow}>
          <Input
            label="Action"
            placeholder="Starts with… e.g. user. or pool.create"
            list="audit-actions"
            value={action}
            onChange={(e) => setAction(e.target.value)}
          />
          <datalist id="audit-actions">
            {ACTION_PREFIXES.map((a) => (
              <option key={a} value={a} />
            ))}
          </datalist>
        </div>
        <SelectField
          label="Actor"
          value={actorId}
          onChange={(e) => setActorId(e.target.value)}
          options={[{ value: "", label: "Anyone" }, ...actors.map((u) => ({ value: u.id, label: u.name }))]}
        />
        <SelectField
          label="Target"
          value={targetType}
          onChange={(e) => setTargetType(e.target.value)}
          options={[
            { value: "", label: "Any target" },
            ...TARGET_TYPES.map((t) => ({ value: t, label: t.replace("_", " ") })),
          ]}
        />
        <Input
          label="From"
          type="date"
          value={from}
          max={to || undefined}
          onChange={(e) => setFrom(e.target.value)}
        />
        <Input
          label="To"
          type="date"
          value={to}
          min={from || undefined}
          onChange={(e) => setTo(e.target.value)}
        />
        {filtered ? (
          <Button variant="ghost" onClick={clear}>
            Clear
          </Button>
        ) : null}
      </search>

      {list.error && list.rows.length === 0 ? (
        <ErrorState message={list.error} onRetry={() => void list.reload()} />
      ) : list.rows.length === 0 && !list.loading ? (
        <EmptyState title={filtered ? "No entries match" : "Nothing logged yet"}>
          {filtered
            ? "Widen the date range or clear the filters."
            : "Administrative actions will appear here."}
        </EmptyState>
      ) : (
        <div className={tableStyles.wrap} aria-busy={list.loading}>
          <table className={tableStyles.table}>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Action</th>
                <th scope="col">Actor</th>
                <th scope="col">Target</th>
                <th scope="col">IP</th>
                <th scope="col" className={tableStyles.actions}>
                  Data
                </th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((e) => {
                const expanded = open.has(e.id);
                const hasData = e.data !== null && e.data !== undefined;
                return (
                  <Fragment key={e.id}>
                    <tr data-testid="audit-row">
                      <td style={{ whiteSpace: "nowrap" }}>
                        <div>
                          <RelativeTime iso={e.createdAt} />
                        </div>
                        <AbsoluteTime iso={e.createdAt} className={textStyles.secondaryText} />
                      </td>
                      <td>
                        <Badge tone={toneOf(e.action)}>
                          <span className={textStyles.mono}>{e.action}</span>
                        </Badge>
                      </td>
                      <td>
                        {e.actor ? (
                          <>
                            <button
                              type="button"
                              className={tableStyles.sortButton}
                              onClick={() => setActorId(e.actor!.id)}
                              title={`Show only what ${e.actor.email} did`}
                            >
                              <span className={textStyles.primaryText}>{e.actor.name}</span>
                            </button>
                            <PersonLink person={e.actor} />
                          </>
                        ) : (
                          <span className={textStyles.muted}>System</span>
                        )}
                      </td>
                      <td data-testid="audit-target">
                        <div>{e.targetType.replace("_", " ")}</div>
                        {e.targetUser ? (
                          <>
                            {e.targetType === "user" ? null : (
                              <div className={textStyles.secondaryText}>of {e.targetUser.name}</div>
                            )}
                            <PersonLink person={e.targetUser} />
                          </>
                        ) : e.targetId ? (
                          <div className={`${textStyles.mono} ${textStyles.muted}`} title={e.targetId}>
                            {e.targetId.slice(0, 8)}…
                          </div>
                        ) : null}
                      </td>
                      <td className={`${textStyles.mono} ${textStyles.muted}`}>{e.ip ?? "—"}</td>
                      <td className={tableStyles.actions}>
                        {hasData ? (
                          <Button
                            size="sm"
                            variant="ghost"
                            aria-expanded={expanded}
                            aria-controls={`audit-data-${e.id}`}
                            onClick={() => toggle(e.id)}
                          >
                            {expanded ? "Hide" : "Show"}
                          </Button>
                        ) : (
                          <span className={textStyles.muted}>—</span>
                        )}
                      </td>
                    </tr>
                    {expanded ? (
                      <tr id={`audit-data-${e.id}`}>
                        <td colSpan={6} style={{ background: "var(--surface-2)" }}>
                          <pre className={styles.json}>{JSON.stringify(e.data, null, 2)}</pre>
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
          <PagedListFoot list={list} loadingLabel="Loading entries" />
        </div>
      )}
    </>
  );
}
