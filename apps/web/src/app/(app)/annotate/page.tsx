import type { TMyProjectsResponse } from "@arbiter/shared";
import type { Metadata } from "next";
import { PageHeader } from "@/components/ui";
import { MyProjectList } from "@/features/annotate/components/my-project-list";
import { serverGet } from "@/lib/server-api";

export const metadata: Metadata = { title: "Annotate" };

export default async function AnnotatePage() {
  const { projects } = await serverGet<TMyProjectsResponse>("/me/projects");
  return (
    <>
      <PageHeader
        title="Annotate"
        description="Pick a project and compare answers. Every judgment trains a better model."
      />
      <MyProjectList projects={projects} />
    </>
  );
}
