import type { TPoolListResponse, TProjectResponse } from "@arbiter/shared";
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
    const [{ project }, { pools }] = await Promise.all([
      serverGet<TProjectResponse>(`/projects/${encodeURIComponent(id)}`),
      serverGet<TPoolListResponse>("/pools"),
    ]);
    return <ProjectSettings key={project.id} initial={project} attachable={pools} />;
  } catch (err) {
    if (err instanceof ApiError && (err.status === 404 || err.status === 400)) notFound();
    throw err;
  }
}
