import type { TProjectResponse } from "@arbiter/shared";
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { ImportPage } from "@/features/generation/components/import-page";
import { ApiError } from "@/lib/api-error";
import { requireUser, serverGet } from "@/lib/server-api";

export const metadata: Metadata = { title: "Import" };

export default async function ProjectImportRoute({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  if (user.role === "ANNOTATOR") redirect("/annotate");
  const { id } = await params;
  try {
    const { project } = await serverGet<TProjectResponse>(`/projects/${encodeURIComponent(id)}`);
    return <ImportPage projectId={project.id} projectName={project.name} />;
  } catch (err) {
    if (err instanceof ApiError && (err.status === 404 || err.status === 400)) notFound();
    throw err;
  }
}
