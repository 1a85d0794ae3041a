import type { TExportListResponse, TProjectResponse } from "@arbiter/shared";
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { ExportPage } from "@/features/exports/components/export-page";
import { ApiError } from "@/lib/api-error";
import { requireUser, serverGet } from "@/lib/server-api";

export const metadata: Metadata = { title: "Export" };

export default async function ProjectExportsRoute({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  if (user.role === "ANNOTATOR") redirect("/annotate");
  const { id } = await params;
  const path = `/projects/${encodeURIComponent(id)}`;
  try {
    const [{ project }, { exports }] = await Promise.all([
      serverGet<TProjectResponse>(path),
      serverGet<TExportListResponse>(`${path}/exports?limit=20`),
    ]);
    return <ExportPage key={project.id} project={project} initial={exports} />;
  } catch (err) {
    if (err instanceof ApiError && (err.status === 404 || err.status === 400)) notFound();
    throw err;
  }
}
