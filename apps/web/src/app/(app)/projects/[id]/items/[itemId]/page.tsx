import type { TItemDetailResponse, TProjectResponse } from "@arbiter/shared";
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { ItemPage } from "@/features/data/components/item-page";
import { ApiError } from "@/lib/api-error";
import { requireUser, serverGet } from "@/lib/server-api";

export const metadata: Metadata = { title: "Item" };

export default async function ProjectItemRoute({
  params,
}: {
  params: Promise<{ id: string; itemId: string }>;
}) {
  const user = await requireUser();
  if (user.role === "ANNOTATOR") redirect("/annotate");
  const { id, itemId } = await params;
  const path = `/projects/${encodeURIComponent(id)}`;
  try {
    const [{ project }, { item }] = await Promise.all([
      serverGet<TProjectResponse>(path),
      serverGet<TItemDetailResponse>(`${path}/items/${encodeURIComponent(itemId)}`),
    ]);
    return <ItemPage projectId={project.id} projectName={project.name} initialItem={item} />;
  } catch (err) {
    if (err instanceof ApiError && (err.status === 404 || err.status === 400)) notFound();
    throw err;
  }
}
