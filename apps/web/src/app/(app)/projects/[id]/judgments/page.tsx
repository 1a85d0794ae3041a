import type { TJudgmentSearchResponse, TProjectResponse } from "@arbiter/shared";
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import type { JudgmentSearch } from "@/features/data/api";
import { JudgmentsPage } from "@/features/data/components/judgments-page";
import { SectionNav } from "@/features/generation/components/section-nav";
import { ApiError } from "@/lib/api-error";
import { requireUser, serverGet } from "@/lib/server-api";

export const metadata: Metadata = { title: "Rationales" };

const one = (v: string | string[] | undefined) =>
  typeof v === "string" && v.trim() && v.length <= 200 ? v.trim() : undefined;

export default async function ProjectJudgmentsRoute({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  if (user.role === "ANNOTATOR") redirect("/annotate");
  const { id } = await params;
  const raw = await searchParams;
  const rationale = one(raw.hasRationale);
  const search: JudgmentSearch = {
    q: one(raw.q),
    flag: one(raw.flag)?.slice(0, 64),
    hasRationale: rationale === "true" || rationale === "false" ? rationale : undefined,
  };
  const query = new URLSearchParams({ limit: "25" });
  for (const [k, v] of Object.entries(search)) if (v) query.set(k, v);
  const path = `/projects/${encodeURIComponent(id)}`;
  try {
    const [{ project }, judgments] = await Promise.all([
      serverGet<TProjectResponse>(path),
      serverGet<TJudgmentSearchResponse>(`${path}/judgments?${query}`),
    ]);
    return (
      <JudgmentsPage
        projectId={project.id}
        projectName={project.name}
        flags={project.questions.flags}
        nav={<SectionNav projectId={project.id} />}
        initialSearch={search}
        initial={judgments}
      />
    );
  } catch (err) {
    if (err instanceof ApiError && (err.status === 404 || err.status === 400)) notFound();
    throw err;
  }
}
