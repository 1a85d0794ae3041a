import type { TProjectListResponse } from "@arbiter/shared";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ButtonLink, PageHeader } from "@/components/ui";
import { ProjectTable } from "@/features/projects/components/project-table";
import { requireUser, serverGet } from "@/lib/server-api";

export const metadata: Metadata = { title: "Projects" };

export default async function ProjectsPage() {
  const user = await requireUser();
  if (user.role === "ANNOTATOR") redirect("/annotate");
  const { projects } = await serverGet<TProjectListResponse>("/projects?limit=200");
  return (
    <>
      <PageHeader
        title="Projects"
        description="Collections of comparisons, their progress and settings."
        actions={
          <ButtonLink href="/projects/new" variant="primary">
            New project
          </ButtonLink>
        }
      />
      <ProjectTable projects={projects} />
    </>
  );
}
