import type { TWebhookListResponse } from "@arbiter/shared";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { WebhooksPage } from "@/features/webhooks/webhooks-page";
import { requireUser, serverGet } from "@/lib/server-api";

export const metadata: Metadata = { title: "Webhooks" };

export default async function AdminWebhooksRoute() {
  const user = await requireUser();
  if (user.role !== "ADMIN") notFound();
  const { webhooks } = await serverGet<TWebhookListResponse>("/webhooks");
  return (
    <WebhooksPage
      projectId={null}
      eyebrow={<a href="/admin">← Admin</a>}
      description="Global endpoints hear events of every project."
      initial={webhooks}
      canEdit
    />
  );
}
