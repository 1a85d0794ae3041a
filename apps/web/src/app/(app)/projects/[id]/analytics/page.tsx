import type { TProjectResponse, TProjectStatsResponse } from "@arbiter/shared";
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { AnalyticsDashboard } from "@/features/analytics/components/analytics-dashboard";
import { ApiError } from "@/lib/api-error";
import { requireUser, serverGet } from "@/lib/server-api";

export const metadata: Metadata = { title: "Analytics" };

export default async function AnalyticsPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  if (user.role === "ANNOTATOR") redirect("/annotate");
  const { id } = await params;
  try {
    const path = `/projects/${encodeURIComponent(id)}`;
    const [{ project }, { stats }] = await Promise.all([
      serverGet<TProjectResponse>(path),
      serverGet<TProjectStatsResponse>(`${path}/stats`),
    ]);
    return <AnalyticsDashboard project={project} stats={stats} />;
  } catch (err) {
    if (err instanceof ApiError && (err.status === 404 || err.status === 400)) notFound();
    throw err;
  }
}
