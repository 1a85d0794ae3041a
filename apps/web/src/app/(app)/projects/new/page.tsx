import type { TPoolListResponse } from "@arbiter/shared";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PageHeader } from "@/components/ui";
import { ProjectWizard } from "@/features/projects/components/project-wizard";
import { requireUser, serverGet } from "@/lib/server-api";

export const metadata: Metadata = { title: "New project" };

export default async function NewProjectPage() {
  const user = await requireUser();
  if (user.role === "ANNOTATOR") redirect("/annotate");
  const { pools } = await serverGet<TPoolListResponse>("/pools");
  return (
    <>
      <PageHeader
        eyebrow={<a href="/projects">← Projects</a>}
        title="New project"
        description="Five short steps; all but the mode, task and questions can change later."
      />
      <ProjectWizard pools={pools} />
    </>
  );
}
