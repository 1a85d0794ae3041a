"use client";

import type { TRole, TUser, TUserListResponse } from "@arbiter/shared";
import { useState } from "react";
import {
  ActionsHeader,
  Button,
  ConfirmDialog,
  count,
  EmptyState,
  ErrorState,
  Input,
  PagedListFoot,
  PageHeader,
  RelativeTime,
  SelectField,
  useDebounced,
  usePagedList,
  useToast,
} from "@/components/ui";
import formStyles from "@/components/ui/form.module.css";
import tableStyles from "@/components/ui/table.module.css";
import textStyles from "@/components/ui/text.module.css";
import { ROLE_LABEL } from "@/lib/roles";
import { listUsers, type UserFilter, updateUser } from "../api";
import styles from "./admin.module.css";
import { CreateUserDialog } from "./create-user-dialog";
import { EraseUserDialog } from "./erase-user-dialog";
import { ROLE_OPTIONS, RoleBadge, UserStatusBadge } from "./user-badges";

type Pending =
  | { kind: "role"; user: TUser; role: TRole }
  | { kind: "suspend"; user: TUser }
  | { kind: "reinstate"; user: TUser };

/** `query`: a search to start with (the audit log links here filtered to one person). */
export function UsersPage({
  initial,
  meId,
  query = "",
}: {
  initial: TUserListResponse;
  meId: string;
  query?: string;
}) {
  const toast = useToast();
  const [search, setSearch] = useState(query);
  const [role, setRole] = useState<UserFilter["role"]>("");
  const [status, setStatus] = useState<UserFilter["status"]>("");
  const [creating, setCreating] = useState(false);
  const [pending, setPending] = useState<Pending | null>(null);
  const [erasing, setErasing] = useState<TUser | null>(null);
  const q = useDebounced(search.trim());
  const list = usePagedList(
    async (cursor) => {
      const page = await listUsers({ q, role, status, cursor });
      return { rows: page.users, nextCursor: page.nextCursor };
    },
    `${q}|${role}|${status}`,
    { rows: initial.users, nextCursor: initial.nextCursor },
  );
  const filtered = Boolean(q || role || status);

  const replace = (user: TUser) => list.setRows((rows) => rows.map((u) => (u.id === user.id ? user : u)));

  async function apply(p: Pending) {
    const body =
      p.kind === "role" ? { role: p.role } : { status: p.kind === "suspend" ? "SUSPENDED" : "ACTIVE" };
    const { user } = await updateUser(p.user.id, body as Parameters<typeof updateUser>[1]);
    replace(user);
    toast({
      tone: "success",
      message:
        p.kind === "role"
          ? `${user.name} is now ${ROLE_LABEL[user.role].toLowerCase()}`
          : p.kind === "suspend"
            ? `${user.name} is suspended`
            : `${user.name} is active again`,
    });
  }

  return (
    <>
      <PageHeader
        title="Users"
        description="Everyone who can sign in: staff, invited annotators and crowd participants."
        actions={
          <Button variant="primary" onClick={() => setCreating(true)}>
            New user
          </Button>
        }
      />
      <search className={styles.toolbar}>
        <div className={styles.grow}>
          <Input
            label="Search"
            type="search"
            placeholder="Name or email"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        </div>
        <SelectField
          label="Role"
          value={role}
          onChange={(e) => setRole(e.target.value as UserFilter["role"])}
          options={[{ value: "", label: "All roles" }, ...ROLE_OPTIONS]}
        />
        <SelectField
          label="Status"
          value={status}
          onChange={(e) => setStatus(e.target.value as UserFilter["status"])}
          options={[
            { value: "", label: "Any status" },
            { value: "ACTIVE", label: "Active" },
            { value: "SUSPENDED", label: "Suspended or erased" },
          ]}
        />
      </search>

      {list.error && list.rows.length === 0 ? (
        <ErrorState message={list.error} onRetry={() => void list.reload()} />
      ) : list.rows.length === 0 && !list.loading ? (
        <EmptyState title={filtered ? "No users match" : "No users yet"}>
          {filtered ? "Try another search or clear the filters." : "Create the first one with New user."}
        </EmptyState>
      ) : (
        <div className={tableStyles.wrap} aria-busy={list.loading}>
          <table className={tableStyles.table}>
            <thead>
              <tr>
                <th scope="col">User</th>
                <th scope="col">Role</th>
                <th scope="col">Status</th>
                <th scope="col">Created</th>
                <ActionsHeader />
              </tr>
            </thead>
            <tbody>
              {list.rows.map((user) => {
                const me = user.id === meId;
                return (
                  <tr key={user.id} data-testid="user-row">
                    <td>
                      <div className={textStyles.primaryText}>
                        {user.name}
                        {me ? <span className={textStyles.muted}> (you)</span> : null}
                      </div>
                      <div className={textStyles.secondaryText}>{user.email}</div>
                    </td>
                    <td>
                      {me || user.erasedAt ? (
                        <RoleBadge role={user.role} />
                      ) : (
                        <SelectField
                          label={`Role of ${user.name}`}
                          hideLabel
                          small
                          value={user.role}
                          options={ROLE_OPTIONS}
                          onChange={(e) => setPending({ kind: "role", user, role: e.target.value as TRole })}
                        />
                      )}
                    </td>
                    <td>
                      <UserStatusBadge user={user} />
                    </td>
                    <td className={textStyles.muted}>
                      <RelativeTime iso={user.createdAt} />
                    </td>
                    <td className={tableStyles.actions}>
                      {me || user.erasedAt ? null : (
                        <>
                          {user.status === "ACTIVE" ? (
                            <Button
                              size="sm"
                              variant="ghost"
                              onClick={() => setPending({ kind: "suspend", user })}
                            >
                              Suspend
                            </Button>
                          ) : (
                            <Button size="sm" onClick={() => setPending({ kind: "reinstate", user })}>
                              Reinstate
                            </Button>
                          )}
                          <Button size="sm" variant="ghost" onClick={() => setErasing(user)}>
                            Erase…
                          </Button>
                        </>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <PagedListFoot list={list} loadingLabel="Loading users" />
        </div>
      )}

      <CreateUserDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(user) => {
          list.setRows((rows) => [user, ...rows]);
          toast({ tone: "success", message: `${user.name} can now sign in` });
        }}
      />
      <EraseUserDialog
        user={erasing}
        onClose={() => setErasing(null)}
        onErased={({ user, judgmentsDeleted, itemsReopened }, judgments) => {
          replace(user);
          toast({
            tone: "success",
            message:
              judgments === "delete"
                ? `Erased; ${count(judgmentsDeleted)} judgments deleted, ${count(itemsReopened)} items reopened`
                : "Erased; their judgments stay, anonymous",
          });
        }}
      />
      <ConfirmDialog
        open={pending !== null}
        onClose={() => setPending(null)}
        title={confirmTitle(pending)}
        confirmLabel={
          pending?.kind === "suspend"
            ? "Suspend now"
            : pending?.kind === "reinstate"
              ? "Reinstate"
              : "Change role"
        }
        danger={pending?.kind === "suspend"}
        onConfirm={() => (pending ? apply(pending) : Promise.resolve())}
      >
        <ConfirmText pending={pending} />
      </ConfirmDialog>
    </>
  );
}

function confirmTitle(p: Pending | null): string {
  if (!p) return "";
  if (p.kind === "role") return `Change ${p.user.name}'s role?`;
  return p.kind === "suspend" ? `Suspend ${p.user.name}?` : `Reinstate ${p.user.name}?`;
}

function ConfirmText({ pending: p }: { pending: Pending | null }) {
  if (!p) return null;
  if (p.kind === "role")
    return (
      <p>
        {p.user.name} becomes <strong>{ROLE_LABEL[p.role].toLowerCase()}</strong> (now{" "}
        {ROLE_LABEL[p.user.role].toLowerCase()}). The change applies to their next request.
      </p>
    );
  if (p.kind === "reinstate")
    return (
      <p>
        {p.user.name} can sign in again with their password, their API keys work again, and their judgments
        count in exports again.
      </p>
    );
  return (
    <div className={formStyles.form}>
      <p>
        Suspension <strong>takes effect at once</strong>:
      </p>
      <ul style={{ margin: 0, paddingLeft: "1.2em" }}>
        <li>they are signed out everywhere and their API keys stop working;</li>
        <li>items they are working on go back to the queue;</li>
        <li>their judgments stay in the database but are left out of exports by default.</li>
      </ul>
      <p className={textStyles.muted}>You can reinstate them later.</p>
    </div>
  );
}
