"use client";

import type { TItemListResponse, TItemSummary } from "@arbiter/shared";
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import {
  Button,
  Card,
  EmptyState,
  ErrorState,
  Input,
  PagedListFoot,
  pct,
  SelectField,
  useDebounced,
  usePagedList,
} from "@/components/ui";
import tableStyles from "@/components/ui/table.module.css";
import textStyles from "@/components/ui/text.module.css";
import { listItems } from "../api";
import { emptyTitle, filtersToSearch, hasFilters, type ItemFilters } from "../filters";
import styles from "./data.module.css";
import { ItemStatusBadges } from "./item-status";

const ANY = { value: "", label: "Any" };

/** The project's items with filters kept in the URL; each row opens the item's page. */
export function ItemBrowser({
  projectId,
  models,
  initialFilters,
  initialItems,
}: {
  projectId: string;
  models: string[];
  initialFilters: ItemFilters;
  initialItems: TItemListResponse;
}) {
  const pathname = usePathname();
  const [filters, setFilters] = useState<ItemFilters>(initialFilters);
  const [text, setText] = useState(initialFilters.q ?? "");
  const q = useDebounced(text.trim(), 300);
  const applied: ItemFilters = { ...filters, q: q || undefined };
  const key = filtersToSearch(applied);

  // The URL holds the filters: a filtered view can be shared, and Back restores it.
  // history.replaceState, not router.replace: the list fetches itself, the server need not render again.
  useEffect(() => {
    window.history.replaceState(null, "", key ? `${pathname}?${key}` : pathname);
  }, [key, pathname]);

  // New server props (router.refresh() after items were built) reload the list.
  const [served, setServed] = useState(0);
  const firstProps = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new initialItems object is the signal
  useEffect(() => {
    if (firstProps.current) firstProps.current = false;
    else setServed((n) => n + 1);
  }, [initialItems]);
  const list = usePagedList(
    async (cursor) => {
      const page = await listItems(projectId, applied, cursor);
      return { rows: page.items, nextCursor: page.nextCursor };
    },
    `${projectId}:${key}:${served}`,
    { rows: initialItems.items, nextCursor: initialItems.nextCursor },
  );
  const set = (name: keyof ItemFilters) => (e: React.ChangeEvent<HTMLSelectElement>) =>
    setFilters((f) => ({ ...f, [name]: e.target.value || undefined }));

  return (
    <section aria-labelledby="items-heading">
      <h2 id="items-heading" className={styles.sectionTitle}>
        Items
      </h2>
      <form className={styles.filters} aria-label="Filter items" onSubmit={(e) => e.preventDefault()}>
        <div className={styles.search}>
          <Input
            label="Search rationales and flags"
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder="e.g. hallucinated citation"
            maxLength={200}
            data-testid="items-search"
          />
        </div>
        <SelectField
          label="Status"
          value={filters.status ?? ""}
          onChange={set("status")}
          options={[
            ANY,
            { value: "OPEN", label: "Open" },
            { value: "COMPLETE", label: "Complete" },
            { value: "DISABLED", label: "Retired" },
          ]}
        />
        <SelectField
          label="Gold"
          value={filters.gold ?? ""}
          onChange={set("gold")}
          options={[ANY, { value: "true", label: "Gold only" }, { value: "false", label: "Not gold" }]}
        />
        <SelectField
          label="Model"
          value={filters.model ?? ""}
          onChange={set("model")}
          options={[ANY, ...models.map((m) => ({ value: m, label: m }))]}
        />
        <SelectField
          label="Agreement"
          value={filters.agreement ?? ""}
          onChange={set("agreement")}
          options={[ANY, { value: "low", label: "Low (under 70 %)" }, { value: "high", label: "Unanimous" }]}
        />
        <SelectField
          label="Flags"
          value={filters.flagged ?? ""}
          onChange={set("flagged")}
          options={[ANY, { value: "true", label: "Flagged" }, { value: "false", label: "Not flagged" }]}
        />
        <SelectField
          label="Rationale"
          value={filters.hasRationale ?? ""}
          onChange={set("hasRationale")}
          options={[
            ANY,
            { value: "true", label: "Has a rationale" },
            { value: "false", label: "No rationale" },
          ]}
        />
      </form>

      {list.error && list.rows.length === 0 ? (
        <Card>
          <ErrorState
            title="Items could not be loaded"
            message={list.error}
            onRetry={() => void list.reload()}
          />
        </Card>
      ) : list.rows.length === 0 && !list.loading ? (
        <Card>
          <EmptyState
            icon="◎"
            title={emptyTitle(applied)}
            action={
              hasFilters(applied) ? (
                <Button
                  onClick={() => {
                    setFilters({});
                    setText("");
                  }}
                >
                  Clear filters
                </Button>
              ) : undefined
            }
          >
            {hasFilters(applied)
              ? "Nothing matches these filters."
              : "Build items from completions above; annotators start as soon as there are open items."}
          </EmptyState>
        </Card>
      ) : (
        <div className={tableStyles.wrap} aria-busy={list.loading}>
          <table
            className={tableStyles.table}
            data-testid="items-table"
            aria-label="Items matching the filters"
          >
            <thead>
              <tr>
                <th scope="col">Prompt</th>
                <th scope="col">Compares</th>
                <th scope="col">Status</th>
                <th scope="col" className={tableStyles.num}>
                  Judgments
                </th>
                <th scope="col" className={tableStyles.num}>
                  Agreement
                </th>
                <th scope="col" className={tableStyles.num}>
                  Flags
                </th>
                <th scope="col" className={tableStyles.num}>
                  Rationales
                </th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((item) => (
                <ItemRow key={item.id} projectId={projectId} item={item} />
              ))}
            </tbody>
          </table>
          <PagedListFoot list={list} loadingLabel="Loading items" />
        </div>
      )}
    </section>
  );
}

function ItemRow({ projectId, item }: { projectId: string; item: TItemSummary }) {
  return (
    <tr data-testid="item-row">
      <td>
        <a className={styles.rowLink} href={`/projects/${projectId}/items/${item.id}`}>
          <span className={styles.preview}>{item.prompt.preview || "(empty prompt)"}</span>
        </a>
        {item.prompt.externalId ? (
          <span className={textStyles.secondaryText}>{item.prompt.externalId}</span>
        ) : null}
      </td>
      <td>
        <span className={styles.models}>
          {item.completions.map((c, i) => (
            <span key={c.id} className={styles.models}>
              {i > 0 ? <span className={styles.vs}>vs</span> : null}
              <span className={styles.chip} title={c.generatorName ?? "imported"}>
                {c.model}
                {c.source === "GENERATED" ? ` #${c.sampleIndex + 1}` : ""}
              </span>
            </span>
          ))}
        </span>
      </td>
      <td>
        <ItemStatusBadges status={item.status} isGold={item.isGold} />
      </td>
      <td className={tableStyles.num}>
        {item.judgmentsCount} / {item.judgmentsWanted}
      </td>
      <td className={tableStyles.num}>{pct(item.agreement)}</td>
      <td className={tableStyles.num}>{item.flagged}</td>
      <td className={tableStyles.num}>{item.rationales}</td>
    </tr>
  );
}
