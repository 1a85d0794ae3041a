import type { TArenaUsage, TProjectResponse } from "@arbiter/shared";
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { ProjectOverview } from "@/features/projects/components/project-overview";
import { ApiError } from "@/lib/api-error";
import { requireUser, serverGet } from "@/lib/server-api";

export const metadata: Metadata = { title: "Project" };

export default async function ProjectPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  if (user.role === "ANNOTATOR") redirect("/annotate");
  const { id } = await params;
  try {
    const { project } = await serverGet<TProjectResponse>(`/projects/${encodeURIComponent(id)}`);
    // An arena spends tokens live: its researcher sees the use against the budget.
    const usage =
      project.mode === "arena"
        ? (await serverGet<{ usage: TArenaUsage }>(`/projects/${encodeURIComponent(id)}/arena/usage`)).usage
        : null;
    return <ProjectOverview project={project} arenaUsage={usage} />;
  } catch (err) {
    if (err instanceof ApiError && (err.status === 404 || err.status === 400)) notFound();
    throw err;
  }
}
