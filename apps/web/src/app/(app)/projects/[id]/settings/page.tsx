import type { TGeneratorListResponse, TPoolListResponse, TProjectResponse } from "@arbiter/shared";
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { ProjectSettings } from "@/features/projects/components/project-settings";
import { ApiError } from "@/lib/api-error";
import { requireUser, serverGet } from "@/lib/server-api";

export const metadata: Metadata = { title: "Project settings" };

export default async function ProjectSettingsPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  if (user.role === "ANNOTATOR") redirect("/annotate");
  const { id } = await params;
  try {
    const path = `/projects/${encodeURIComponent(id)}`;
    const [{ project }, { pools }, generators] = await Promise.all([
      serverGet<TProjectResponse>(path),
      serverGet<TPoolListResponse>("/pools"),
      // Only the arena section uses the count; the page does without it rather than fail.
      serverGet<TGeneratorListResponse>(`${path}/generators`).then(
        (r) => r.generators.length,
        () => null,
      ),
    ]);
    return (
      <ProjectSettings key={project.id} initial={project} attachable={pools} generatorCount={generators} />
    );
  } catch (err) {
    if (err instanceof ApiError && (err.status === 404 || err.status === 400)) notFound();
    throw err;
  }
}
