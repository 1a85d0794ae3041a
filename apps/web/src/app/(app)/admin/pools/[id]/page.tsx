import type { TInviteListResponse, TPoolMembersResponse } from "@arbiter/shared";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
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
      serverGet<TPoolMembersResponse>(path),
      serverGet<TInviteListResponse>(`${path}/invites`),
    ]);
    return <PoolDetail key={id} initial={pool} invites={invites} />;
  } catch (err) {
    if (err instanceof ApiError && (err.status === 404 || err.status === 400)) notFound();
    throw err;
  }
}
