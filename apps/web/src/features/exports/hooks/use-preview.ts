"use client";

import type { TExportPreview, TExportRequestInput } from "@arbiter/shared";
import { useEffect, useState } from "react";
import { ApiError } from "@/lib/api-error";
import { previewExport } from "../api";
import { apiFieldErrors, type FieldErrors } from "../form";

export type PreviewState = {
  preview: TExportPreview | null;
  loading: boolean;
  /** A failure that is not about one field (network, server). */
  error: string | null;
  fieldErrors: FieldErrors;
};

const DEBOUNCE_MS = 350;

/**
 * The preview of the request as it is being edited: asked for once typing pauses, the
 * previous question abandoned, so the answer on screen always matches the options.
 */
export function usePreview(projectId: string, request: TExportRequestInput, blocked: boolean): PreviewState {
  const key = JSON.stringify(request);
  const [state, setState] = useState<PreviewState>({
    preview: null,
    loading: !blocked,
    error: null,
    fieldErrors: {},
  });
  useEffect(() => {
    if (blocked) {
      setState((s) => ({ ...s, loading: false, fieldErrors: {} }));
      return;
    }
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    const timer = setTimeout(async () => {
      try {
        const { preview } = await previewExport(projectId, JSON.parse(key), controller.signal);
        setState({ preview, loading: false, error: null, fieldErrors: {} });
      } catch (err) {
        if (controller.signal.aborted) return;
        const fieldErrors = err instanceof ApiError && err.status === 400 ? apiFieldErrors(err.details) : {};
        setState({
          preview: null,
          loading: false,
          fieldErrors,
          error: Object.keys(fieldErrors).length ? null : err instanceof Error ? err.message : String(err),
        });
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [projectId, key, blocked]);
  return state;
}
