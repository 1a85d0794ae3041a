import type { TGeneratorListResponse, TProjectResponse, TRunListResponse } from "@arbiter/shared";
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { RunsPage } from "@/features/generation/components/runs-page";
import { ApiError } from "@/lib/api-error";
import { requireUser, serverGet } from "@/lib/server-api";

export const metadata: Metadata = { title: "Generation runs" };

export default async function ProjectRunsRoute({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  if (user.role === "ANNOTATOR") redirect("/annotate");
  const { id } = await params;
  const path = `/projects/${encodeURIComponent(id)}`;
  try {
    const [{ project }, { generators }, { runs }] = await Promise.all([
      serverGet<TProjectResponse>(path),
      serverGet<TGeneratorListResponse>(`${path}/generators`),
      serverGet<TRunListResponse>(`${path}/generation-runs`),
    ]);
    return (
      <RunsPage
        projectId={project.id}
        projectName={project.name}
        promptCount={project.counts.prompts}
        generators={generators}
        initial={runs}
      />
    );
  } catch (err) {
    if (err instanceof ApiError && (err.status === 404 || err.status === 400)) notFound();
    throw err;
  }
}
