"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { errorMessage } from "./error-message";

type Page<T> = { rows: T[]; nextCursor: string | null };

/**
 * A cursor-paged list that reloads from the start whenever `filterKey` changes, and
 * appends on loadMore. The first page can come from the server render, so the page
 * shows data without a spinner. Answers to stale filters are dropped.
 */
export function usePagedList<T>(
  fetchPage: (cursor?: string) => Promise<Page<T>>,
  filterKey: string,
  initial?: Page<T>,
) {
  const [rows, setRows] = useState<T[]>(initial?.rows ?? []);
  const [nextCursor, setNextCursor] = useState<string | null>(initial?.nextCursor ?? null);
  const [loading, setLoading] = useState(!initial);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);
  const skipFirst = useRef(Boolean(initial));
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    setLoading(true);
    setError(null);
    try {
      const page = await fetchRef.current();
      if (mine !== generation.current) return;
      setRows(page.rows);
      setNextCursor(page.nextCursor);
    } catch (err) {
      if (mine === generation.current) setError(errorMessage(err));
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: filterKey stands for the filters fetchPage closes over
  useEffect(() => {
    if (skipFirst.current) {
      skipFirst.current = false;
      return;
    }
    void reload();
  }, [filterKey, reload]);

  const loadMore = useCallback(async () => {
    if (!nextCursor) return;
    const mine = generation.current;
    setLoadingMore(true);
    try {
      const page = await fetchRef.current(nextCursor);
      if (mine !== generation.current) return;
      setRows((all) => [...all, ...page.rows]);
      setNextCursor(page.nextCursor);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setLoadingMore(false);
    }
  }, [nextCursor]);

  return { rows, setRows, nextCursor, loading, loadingMore, error, reload, loadMore };
}
