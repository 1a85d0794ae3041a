import type { TPoolListResponse } from "@arbiter/shared";
import type { Metadata } from "next";
import { PoolsPage } from "@/features/admin/components/pools-page";
import { serverGet } from "@/lib/server-api";
import { requireAdmin } from "../guard";

export const metadata: Metadata = { title: "Pools" };

export default async function AdminPoolsRoute() {
  await requireAdmin();
  const { pools } = await serverGet<TPoolListResponse>("/pools");
  return <PoolsPage pools={pools} />;
}
