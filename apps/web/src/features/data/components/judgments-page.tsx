"use client";

import type { TJudgmentSearchResponse } from "@arbiter/shared";
import { usePathname } from "next/navigation";
import { type ReactNode, useEffect, useState } from "react";
import {
  Badge,
  Card,
  EmptyState,
  ErrorState,
  Input,
  PagedListFoot,
  PageHeader,
  RelativeTime,
  SelectField,
  useDebounced,
  usePagedList,
} from "@/components/ui";
import { type JudgmentSearch, searchJudgments } from "../api";
import { answerText } from "./answer-text";
import styles from "./data.module.css";

/** Judgments with a rationale or flags, searchable; each links to its item. */
export function JudgmentsPage({
  projectId,
  projectName,
  flags,
  nav,
  initialSearch,
  initial,
}: {
  projectId: string;
  projectName: string;
  /** The project's flag names, for the flag filter. */
  flags: string[];
  nav: ReactNode;
  initialSearch: JudgmentSearch;
  initial: TJudgmentSearchResponse;
}) {
  const pathname = usePathname();
  const [text, setText] = useState(initialSearch.q ?? "");
  const [flag, setFlag] = useState(initialSearch.flag ?? "");
  const [rationale, setRationale] = useState(initialSearch.hasRationale ?? "");
  const q = useDebounced(text.trim(), 300);
  const search: JudgmentSearch = {
    q: q || undefined,
    flag: flag || undefined,
    hasRationale: (rationale || undefined) as JudgmentSearch["hasRationale"],
  };
  const key = new URLSearchParams(
    Object.entries(search).filter(([, v]) => v) as [string, string][],
  ).toString();
  // history.replaceState, not router.replace: the list fetches itself, the server need not render again.
  useEffect(() => {
    window.history.replaceState(null, "", key ? `${pathname}?${key}` : pathname);
  }, [key, pathname]);
  const list = usePagedList(
    async (cursor) => {
      const page = await searchJudgments(projectId, search, cursor);
      return { rows: page.judgments, nextCursor: page.nextCursor };
    },
    `${projectId}:${key}`,
    { rows: initial.judgments, nextCursor: initial.nextCursor },
  );
  const filtered = Boolean(key);

  return (
    <>
      <PageHeader
        eyebrow={<a href={`/projects/${projectId}`}>← {projectName}</a>}
        title="Rationales"
        description="What annotators wrote and flagged. Search it to find items worth a second look."
      />
      {nav}
      <form className={styles.filters} aria-label="Search judgments" onSubmit={(e) => e.preventDefault()}>
        <div className={styles.search}>
          <Input
            label="Search rationales and flags"
            type="search"
            value={text}
            maxLength={200}
            onChange={(e) => setText(e.target.value)}
            data-testid="judgments-search"
          />
        </div>
        <SelectField
          label="Flag"
          value={flag}
          onChange={(e) => setFlag(e.target.value)}
          options={[{ value: "", label: "Any" }, ...flags.map((f) => ({ value: f, label: f }))]}
        />
        <SelectField
          label="Rationale"
          value={rationale}
          onChange={(e) => setRationale(e.target.value)}
          options={[
            { value: "", label: "Any" },
            { value: "true", label: "Has a rationale" },
            { value: "false", label: "Flags only" },
          ]}
        />
      </form>
      {list.error && list.rows.length === 0 ? (
        <Card>
          <ErrorState
            title="Judgments could not be loaded"
            message={list.error}
            onRetry={() => void list.reload()}
          />
        </Card>
      ) : list.rows.length === 0 && !list.loading ? (
        <Card>
          <EmptyState
            icon="✎"
            title={filtered ? "No matching rationales or flags" : "No rationales or flags yet"}
          >
            {filtered
              ? "Try other words, or clear the filters."
              : "Rationales and flags appear here as annotators write them."}
          </EmptyState>
        </Card>
      ) : (
        <Card aria-busy={list.loading}>
          <ul className={styles.resultList} data-testid="judgment-results">
            {list.rows.map((j) => (
              <li key={j.id} className={styles.judgment} data-testid="judgment-result">
                <div className={styles.judgmentHead}>
                  <a href={`/projects/${projectId}/items/${j.itemId}`}>
                    {j.promptPreview || "(empty prompt)"}
                  </a>
                  {j.flags.map((f) => (
                    <Badge key={f} tone="danger">
                      {f}
                    </Badge>
                  ))}
                </div>
                {j.rationale ? <p className={styles.rationale}>{j.rationale}</p> : null}
                <div className={styles.meta}>
                  {answerText(j.answer, j.models)} · {j.annotator.pseudonym}
                  {j.annotator.email ? ` (${j.annotator.email})` : ""} · <RelativeTime iso={j.createdAt} />
                </div>
              </li>
            ))}
          </ul>
          <PagedListFoot list={list} loadingLabel="Loading judgments" />
        </Card>
      )}
    </>
  );
}
