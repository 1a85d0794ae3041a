import type { TGeneratorListResponse, TProjectResponse, TRunResponse } from "@arbiter/shared";
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { RunDetail } from "@/features/generation/components/run-detail";
import { ApiError } from "@/lib/api-error";
import { requireUser, serverGet } from "@/lib/server-api";

export const metadata: Metadata = { title: "Generation run" };

export default async function ProjectRunRoute({ params }: { params: Promise<{ id: string; rid: string }> }) {
  const user = await requireUser();
  if (user.role === "ANNOTATOR") redirect("/annotate");
  const { id, rid } = await params;
  const path = `/projects/${encodeURIComponent(id)}`;
  try {
    const [{ project }, { generators }, { run }] = await Promise.all([
      serverGet<TProjectResponse>(path),
      serverGet<TGeneratorListResponse>(`${path}/generators`),
      serverGet<TRunResponse>(`${path}/generation-runs/${encodeURIComponent(rid)}`),
    ]);
    return (
      <RunDetail
        key={run.id}
        projectId={project.id}
        projectName={project.name}
        initial={run}
        generators={generators}
      />
    );
  } catch (err) {
    if (err instanceof ApiError && (err.status === 404 || err.status === 400)) notFound();
    throw err;
  }
}
