"use client";

import type { TPoolMember } from "@arbiter/shared";
import { useState } from "react";
import {
  ActionsHeader,
  Badge,
  Button,
  count,
  EmptyState,
  nextSort,
  RelativeTime,
  type Sort,
  SortHeader,
  sortRows,
} from "@/components/ui";
import tableStyles from "@/components/ui/table.module.css";
import textStyles from "@/components/ui/text.module.css";
import { UserStatusBadge } from "./user-badges";

type Column = "name" | "judgments" | "last" | "quarantined" | "added";

const VALUE: Record<Column, (m: TPoolMember) => string | number | null> = {
  name: (m) => m.user.name,
  judgments: (m) => m.judgments,
  last: (m) => (m.lastJudgmentAt ? Date.parse(m.lastJudgmentAt) : null),
  quarantined: (m) => m.quarantinedIn,
  added: (m) => Date.parse(m.addedAt),
};

export function MembersTable({
  members,
  onRemove,
  onAdd,
}: {
  members: TPoolMember[];
  onRemove: (member: TPoolMember) => void;
  onAdd: () => void;
}) {
  const [sort, setSort] = useState<Sort<Column>>({ key: "judgments", dir: "desc" });
  if (members.length === 0) {
    return (
      <EmptyState
        icon="+"
        title="No members yet"
        action={
          <Button variant="primary" onClick={onAdd}>
            Add members
          </Button>
        }
      >
        Add existing users, or create an invitation link below and share it.
      </EmptyState>
    );
  }
  const rows = sortRows(members, sort, (m, k) => VALUE[k](m));
  const header = (label: string, column: Column, numeric = false) => (
    <SortHeader
      label={label}
      column={column}
      sort={sort}
      numeric={numeric}
      onSort={(c) => setSort(nextSort(sort, c, c === "name" ? "asc" : "desc"))}
    />
  );
  return (
    <div className={tableStyles.wrap}>
      <table className={tableStyles.table}>
        <thead>
          <tr>
            {header("Member", "name")}
            <th scope="col">Account</th>
            {header("Judgments", "judgments", true)}
            {header("Last active", "last")}
            {header("Quarantined in", "quarantined", true)}
            {header("Added", "added")}
            <ActionsHeader />
          </tr>
        </thead>
        <tbody>
          {rows.map((m) => (
            <tr key={m.user.id} data-testid="member-row">
              <td>
                <div className={textStyles.primaryText}>{m.user.name}</div>
                <div className={textStyles.secondaryText}>{m.user.email}</div>
              </td>
              <td>
                <UserStatusBadge user={m.user} />
              </td>
              <td className={tableStyles.num}>{count(m.judgments)}</td>
              <td className={textStyles.muted}>
                {m.lastJudgmentAt ? <RelativeTime iso={m.lastJudgmentAt} /> : "Never"}
              </td>
              <td className={tableStyles.num}>
                {m.quarantinedIn > 0 ? (
                  <Badge tone="warning">
                    {m.quarantinedIn} {m.quarantinedIn === 1 ? "project" : "projects"}
                  </Badge>
                ) : (
                  <span className={textStyles.muted}>—</span>
                )}
              </td>
              <td className={textStyles.muted}>
                <RelativeTime iso={m.addedAt} />
              </td>
              <td className={tableStyles.actions}>
                <Button
                  size="sm"
                  variant="ghost"
                  onClick={() => onRemove(m)}
                  aria-label={`Remove ${m.user.name}`}
                >
                  Remove
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
