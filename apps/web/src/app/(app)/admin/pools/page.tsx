import type { Metadata } from "next";
import type { TPool } from "@/features/admin/api";
import { PoolsPage } from "@/features/admin/components/pools-page";
import { serverGet } from "@/lib/server-api";
import { requireAdmin } from "../guard";

export const metadata: Metadata = { title: "Pools" };

export default async function AdminPoolsRoute() {
  await requireAdmin();
  const { pools } = await serverGet<{ pools: TPool[] }>("/pools");
  return <PoolsPage pools={pools} />;
}
