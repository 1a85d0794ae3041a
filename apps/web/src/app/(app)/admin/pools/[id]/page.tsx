import type { TInvite } from "@arbiter/shared";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import type { TPool, TPoolMember } from "@/features/admin/api";
import { PoolDetail } from "@/features/admin/components/pool-detail";
import { ApiError } from "@/lib/api-error";
import { serverGet } from "@/lib/server-api";
import { requireAdmin } from "../../guard";

export const metadata: Metadata = { title: "Pool" };

export default async function AdminPoolRoute({ params }: { params: Promise<{ id: string }> }) {
  await requireAdmin();
  const { id } = await params;
  try {
    const path = `/pools/${encodeURIComponent(id)}`;
    const [pool, { invites }] = await Promise.all([
      serverGet<{ pool: TPool; members: TPoolMember[] }>(path),
      serverGet<{ invites: TInvite[] }>(`${path}/invites`),
    ]);
    return <PoolDetail key={id} initial={pool} invites={invites} />;
  } catch (err) {
    if (err instanceof ApiError && (err.status === 404 || err.status === 400)) notFound();
    throw err;
  }
}
