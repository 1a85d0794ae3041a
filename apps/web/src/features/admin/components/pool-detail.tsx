"use client";

import type { TInvite, TPoolMember, TPoolMembersResponse } from "@arbiter/shared";
import { useState } from "react";
import { Badge, Button, ConfirmDialog, count, PageHeader, useToast } from "@/components/ui";
import textStyles from "@/components/ui/text.module.css";
import { addMembers, getPool, removeMember, renamePool } from "../api";
import { AddMembersDialog } from "./add-members-dialog";
import { InvitesPanel } from "./invites-panel";
import { MembersTable } from "./members-table";
import { PoolNameDialog } from "./pool-name-dialog";
import { PoolProjects } from "./pool-projects";
import { isCrowdPool } from "./pools-page";

export function PoolDetail({ initial, invites }: { initial: TPoolMembersResponse; invites: TInvite[] }) {
  const toast = useToast();
  const [pool, setPool] = useState(initial.pool);
  const [members, setMembers] = useState(initial.members);
  const [projects, setProjects] = useState(initial.projects);
  const [renaming, setRenaming] = useState(false);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<TPoolMember | null>(null);

  async function refresh() {
    const fresh = await getPool(pool.id);
    setPool(fresh.pool);
    setMembers(fresh.members);
    setProjects(fresh.projects);
  }

  return (
    <>
      <PageHeader
        eyebrow={<a href="/admin/pools">← Pools</a>}
        title={
          <span
            style={{ display: "inline-flex", gap: "var(--space-3)", alignItems: "center", flexWrap: "wrap" }}
          >
            {pool.name} {isCrowdPool(pool) ? <Badge>Crowd platform</Badge> : null}
          </span>
        }
        description={`${count(pool.memberCount)} ${pool.memberCount === 1 ? "member" : "members"}`}
        actions={
          <>
            <Button onClick={() => setRenaming(true)}>Rename</Button>
            <Button variant="primary" onClick={() => setAdding(true)}>
              Add members
            </Button>
          </>
        }
      />
      <section aria-labelledby="members-title" style={{ marginBottom: "var(--space-6)" }}>
        <h2 id="members-title" className="visually-hidden">
          Members
        </h2>
        <MembersTable members={members} onRemove={setRemoving} onAdd={() => setAdding(true)} />
      </section>
      <div style={{ marginBottom: "var(--space-6)" }}>
        <PoolProjects projects={projects} />
      </div>
      <InvitesPanel poolId={pool.id} initial={invites} />

      <PoolNameDialog
        open={renaming}
        title="Rename pool"
        submitLabel="Save name"
        initialName={pool.name}
        onClose={() => setRenaming(false)}
        onSubmit={async (name) => {
          const { pool: renamed } = await renamePool(pool.id, name);
          setPool(renamed);
          toast({ tone: "success", message: "Pool renamed" });
        }}
      />
      <AddMembersDialog
        open={adding}
        memberIds={new Set(members.map((m) => m.user.id))}
        onClose={() => setAdding(false)}
        onAdd={async (userIds) => {
          const { added } = await addMembers(pool.id, userIds);
          await refresh();
          toast({ tone: "success", message: `${added} ${added === 1 ? "member" : "members"} added` });
        }}
      />
      <ConfirmDialog
        open={removing !== null}
        title={`Remove ${removing?.user.name ?? ""} from ${pool.name}?`}
        confirmLabel="Remove"
        danger
        onClose={() => setRemoving(null)}
        onConfirm={async () => {
          if (!removing) return;
          await removeMember(pool.id, removing.user.id);
          await refresh();
          toast({ message: `${removing.user.name} removed` });
        }}
      >
        <p className={textStyles.muted}>
          They lose access to projects they reach only through this pool, and items they hold there go back to
          the queue at once. Their judgments so far are kept.
        </p>
      </ConfirmDialog>
    </>
  );
}
