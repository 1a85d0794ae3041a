import type { TContentSummaryResponse, TItemListResponse, TProjectResponse } from "@arbiter/shared";
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { query } from "@/components/ui";
import { ItemBrowser } from "@/features/data/components/item-browser";
import { filtersFrom, filtersToApi } from "@/features/data/filters";
import { ItemsPage } from "@/features/generation/components/items-page";
import { ApiError } from "@/lib/api-error";
import { requireUser, serverGet } from "@/lib/server-api";

export const metadata: Metadata = { title: "Items" };

const UUID = /^[0-9a-f-]{36}$/i;

export default async function ProjectItemsRoute({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  if (user.role === "ANNOTATOR") redirect("/annotate");
  const { id } = await params;
  const search = await searchParams;
  const filters = filtersFrom(search);
  const apiFilters = filtersToApi(filters);
  const path = `/projects/${encodeURIComponent(id)}`;
  try {
    const [{ project }, { summary }, items] = await Promise.all([
      serverGet<TProjectResponse>(path),
      serverGet<TContentSummaryResponse>(`${path}/contents`),
      serverGet<TItemListResponse>(`${path}/items${query({ limit: 25, ...apiFilters })}`),
    ]);
    const run = search.run;
    return (
      <ItemsPage
        projectId={project.id}
        projectName={project.name}
        optionsPerItem={project.optionsPerItem}
        runId={typeof run === "string" && UUID.test(run) ? run : null}
        initialSummary={summary}
        browser={
          <ItemBrowser
            projectId={project.id}
            models={[...new Set(summary.models.map((m) => m.model))].sort()}
            initialFilters={filters}
            initialItems={items}
          />
        }
      />
    );
  } catch (err) {
    if (err instanceof ApiError && (err.status === 404 || err.status === 400)) notFound();
    throw err;
  }
}
