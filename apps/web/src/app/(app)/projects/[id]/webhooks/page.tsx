import type { TProjectResponse, TWebhookListResponse } from "@arbiter/shared";
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { WebhooksPage } from "@/features/webhooks/webhooks-page";
import { ApiError } from "@/lib/api-error";
import { requireUser, serverGet } from "@/lib/server-api";

export const metadata: Metadata = { title: "Webhooks" };

export default async function ProjectWebhooksRoute({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  if (user.role === "ANNOTATOR") redirect("/annotate");
  const { id } = await params;
  const path = `/projects/${encodeURIComponent(id)}`;
  try {
    const [{ project }, { webhooks }] = await Promise.all([
      serverGet<TProjectResponse>(path),
      serverGet<TWebhookListResponse>(`${path}/webhooks`),
    ]);
    return (
      <WebhooksPage
        projectId={project.id}
        eyebrow={<a href={`/projects/${project.id}/settings`}>← {project.name} settings</a>}
        description="Tell your pipeline when something happens in this project: signed POSTs, retried for hours."
        initial={webhooks}
        canEdit={project.myRole !== "VIEWER"}
      />
    );
  } catch (err) {
    if (err instanceof ApiError && (err.status === 404 || err.status === 400)) notFound();
    throw err;
  }
}
