import type { TProjectResponse, TQualityResponse } from "@arbiter/shared";
import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { QualityPage } from "@/features/quality/components/quality-page";
import { ApiError } from "@/lib/api-error";
import { requireUser, serverGet } from "@/lib/server-api";

export const metadata: Metadata = { title: "Quality" };

/** Where visitors reach the app, for the study link researchers paste into Prolific. */
async function publicOrigin(): Promise<string> {
  if (process.env.ARBITER_PUBLIC_URL) return new URL(process.env.ARBITER_PUBLIC_URL).origin;
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto =
    h.get("x-forwarded-proto") ??
    (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}`;
}

export default async function ProjectQualityRoute({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  if (user.role === "ANNOTATOR") redirect("/annotate");
  const { id } = await params;
  const path = `/projects/${encodeURIComponent(id)}`;
  try {
    const [{ project }, quality] = await Promise.all([
      serverGet<TProjectResponse>(path),
      serverGet<TQualityResponse>(`${path}/quality`),
    ]);
    return (
      <QualityPage
        key={project.id}
        project={project}
        initial={quality}
        isAdmin={user.role === "ADMIN"}
        origin={await publicOrigin()}
      />
    );
  } catch (err) {
    if (err instanceof ApiError && (err.status === 404 || err.status === 400)) notFound();
    throw err;
  }
}
