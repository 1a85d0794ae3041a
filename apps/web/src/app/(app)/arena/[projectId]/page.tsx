import type { TMyProjectsResponse } from "@arbiter/shared";
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ArenaPage } from "@/features/arena/components/arena-page";
import { serverGet } from "@/lib/server-api";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("arena"))("metaTitle") };
}

export default async function ArenaRoute({
  params,
  searchParams,
}: {
  params: Promise<{ projectId: string }>;
  searchParams: Promise<{ battle?: string | string[] }>;
}) {
  const [{ projectId }, { battle }] = await Promise.all([params, searchParams]);
  const { projects } = await serverGet<TMyProjectsResponse>("/me/projects");
  const project = projects.find((p) => p.id === projectId);
  if (!project) notFound();
  if (!project.arena) redirect(`/annotate/${project.id}`);
  return (
    <ArenaPage
      projectId={project.id}
      projectName={project.name}
      settings={project.arena}
      initialBattleId={typeof battle === "string" && battle ? battle : null}
    />
  );
}
