"use client";

import type { TPool } from "@arbiter/shared";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Badge, Button, count, EmptyState, PageHeader, RelativeTime, useToast } from "@/components/ui";
import tableStyles from "@/components/ui/table.module.css";
import textStyles from "@/components/ui/text.module.css";
import { createPool } from "../api";
import { PoolNameDialog } from "./pool-name-dialog";

/** Pools that the crowd-platform entry creates for a project, named after its slug. */
export const isCrowdPool = (pool: TPool) => pool.name.startsWith("Crowd: ");

export function PoolsPage({ pools }: { pools: TPool[] }) {
  const [creating, setCreating] = useState(false);
  const router = useRouter();
  const toast = useToast();
  return (
    <>
      <PageHeader
        title="Pools"
        description="Groups of annotators. Projects let in the pools they name; invitations add people."
        actions={
          <Button variant="primary" onClick={() => setCreating(true)}>
            New pool
          </Button>
        }
      />
      {pools.length === 0 ? (
        <EmptyState
          title="No pools yet"
          action={
            <Button variant="primary" onClick={() => setCreating(true)}>
              Create the first pool
            </Button>
          }
        >
          Create a pool, invite annotators into it, then allow it in a project.
        </EmptyState>
      ) : (
        <div className={tableStyles.wrap}>
          <table className={tableStyles.table}>
            <thead>
              <tr>
                <th scope="col">Pool</th>
                <th scope="col" className={tableStyles.num}>
                  Members
                </th>
                <th scope="col">Created</th>
              </tr>
            </thead>
            <tbody>
              {pools.map((pool) => (
                <tr key={pool.id} data-testid="pool-row">
                  <td>
                    <Link href={`/admin/pools/${pool.id}`} className={textStyles.primaryText}>
                      {pool.name}
                    </Link>{" "}
                    {isCrowdPool(pool) ? <Badge>Crowd platform</Badge> : null}
                  </td>
                  <td className={tableStyles.num}>{count(pool.memberCount)}</td>
                  <td className={textStyles.muted}>
                    <RelativeTime iso={pool.createdAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <PoolNameDialog
        open={creating}
        title="New pool"
        submitLabel="Create pool"
        onClose={() => setCreating(false)}
        onSubmit={async (name) => {
          const { pool } = await createPool(name);
          toast({ tone: "success", message: `Pool “${pool.name}” created` });
          router.push(`/admin/pools/${pool.id}`);
        }}
      />
    </>
  );
}
