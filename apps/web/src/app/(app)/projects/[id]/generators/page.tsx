import type { TGeneratorListResponse, TProjectResponse } from "@arbiter/shared";
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { GeneratorsPage } from "@/features/generation/components/generators-page";
import { ApiError } from "@/lib/api-error";
import { requireUser, serverGet } from "@/lib/server-api";

export const metadata: Metadata = { title: "Generators" };

export default async function ProjectGeneratorsRoute({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  if (user.role === "ANNOTATOR") redirect("/annotate");
  const { id } = await params;
  const path = `/projects/${encodeURIComponent(id)}`;
  try {
    const [{ project }, { generators }] = await Promise.all([
      serverGet<TProjectResponse>(path),
      serverGet<TGeneratorListResponse>(`${path}/generators`),
    ]);
    return <GeneratorsPage projectId={project.id} projectName={project.name} initial={generators} />;
  } catch (err) {
    if (err instanceof ApiError && (err.status === 404 || err.status === 400)) notFound();
    throw err;
  }
}
