import type { TMyProjectsResponse, TProgressResponse } from "@arbiter/shared";
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LabelingPage } from "@/features/annotate/components/labeling-page";
import { serverGet } from "@/lib/server-api";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("labeling"))("metaTitle") };
}

export default async function LabelingRoute({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { projects } = await serverGet<TMyProjectsResponse>("/me/projects");
  const project = projects.find((p) => p.id === projectId);
  if (!project) notFound();
  // An arena's items are battles the annotator starts; there is nothing to lease here.
  if (project.mode === "arena") redirect(`/arena/${project.id}`);
  const { progress } = await serverGet<TProgressResponse>(`/me/progress?projectId=${project.id}`);
  return <LabelingPage projectId={project.id} projectName={project.name} initialProgress={progress} />;
}
