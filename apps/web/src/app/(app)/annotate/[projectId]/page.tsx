import type { TMyProjectsResponse, TProgressResponse } from "@arbiter/shared";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LabelingPage } from "@/features/annotate/components/labeling-page";
import { serverGet } from "@/lib/server-api";

export const metadata: Metadata = { title: "Labeling" };

export default async function LabelingRoute({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { projects } = await serverGet<TMyProjectsResponse>("/me/projects");
  const project = projects.find((p) => p.id === projectId);
  if (!project) notFound();
  const { progress } = await serverGet<TProgressResponse>(`/me/progress?projectId=${project.id}`);
  return <LabelingPage projectId={project.id} projectName={project.name} initialProgress={progress} />;
}
