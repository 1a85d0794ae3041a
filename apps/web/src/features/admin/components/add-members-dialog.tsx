"use client";

import type { TUser } from "@arbiter/shared";
import { useEffect, useState } from "react";
import { Button, Dialog, DialogActions, errorMessage, Input, Spinner, useDebounced } from "@/components/ui";
import formStyles from "@/components/ui/form.module.css";
import tableStyles from "@/components/ui/table.module.css";
import textStyles from "@/components/ui/text.module.css";
import { listUsers } from "../api";
import styles from "./admin.module.css";
import { RoleBadge } from "./user-badges";

/** Pick active users who are not in the pool yet, by search, and add them in one call. */
export function AddMembersDialog({
  open,
  memberIds,
  onClose,
  onAdd,
}: {
  open: boolean;
  memberIds: Set<string>;
  onClose: () => void;
  onAdd: (userIds: string[]) => Promise<void>;
}) {
  const [search, setSearch] = useState("");
  const q = useDebounced(search.trim());
  const [users, setUsers] = useState<TUser[] | null>(null);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    let live = true;
    setUsers(null);
    listUsers({ q, status: "ACTIVE" }, 100)
      .then((page) => live && setUsers(page.users))
      .catch((err) => live && setError(errorMessage(err)));
    return () => {
      live = false;
    };
  }, [open, q]);

  function close() {
    setPicked(new Set());
    setSearch("");
    setError(null);
    onClose();
  }
  function toggle(id: string) {
    setPicked((all) => {
      const next = new Set(all);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }
  async function add() {
    setBusy(true);
    setError(null);
    try {
      await onAdd([...picked]);
      close();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  const candidates = users?.filter((u) => !memberIds.has(u.id)) ?? [];
  return (
    <Dialog open={open} onClose={close} title="Add members">
      <div className={formStyles.form}>
        <Input
          label="Find users"
          type="search"
          placeholder="Name or email"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          autoFocus
        />
        {users === null && !error ? (
          <div className={tableStyles.foot}>
            <Spinner label="Loading users" />
          </div>
        ) : candidates.length === 0 ? (
          <p className={textStyles.muted}>
            {q
              ? "No active user matches who is not already a member."
              : "Every active user is already a member."}
          </p>
        ) : (
          <ul className={styles.checkList} aria-label="Users">
            {candidates.map((u) => (
              <li key={u.id}>
                <label className={styles.checkItem}>
                  <input type="checkbox" checked={picked.has(u.id)} onChange={() => toggle(u.id)} />
                  <span style={{ flex: 1, minWidth: 0 }}>
                    <span className={textStyles.primaryText}>{u.name}</span>{" "}
                    <span className={textStyles.secondaryText}>{u.email}</span>
                  </span>
                  <RoleBadge role={u.role} />
                </label>
              </li>
            ))}
          </ul>
        )}
        <DialogActions error={error} busy={busy} onCancel={close}>
          <Button variant="primary" onClick={add} loading={busy} disabled={picked.size === 0}>
            {picked.size > 0
              ? `Add ${picked.size} ${picked.size === 1 ? "member" : "members"}`
              : "Add members"}
          </Button>
        </DialogActions>
      </div>
    </Dialog>
  );
}
