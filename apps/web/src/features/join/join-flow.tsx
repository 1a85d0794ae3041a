"use client";

import type { TCrowdStatus, TJoinResponse } from "@arbiter/shared";
import { useEffect, useRef, useState } from "react";
import { Button, Spinner } from "@/components/ui";
import styles from "@/components/ui/standalone-page.module.css";
import { api } from "@/lib/api-client";
import { ApiError } from "@/lib/api-error";
import { CompletionCard } from "./completion-card";
import local from "./join.module.css";
import type { JoinRequest } from "./platform-params";

type State =
  | { kind: "joining" }
  | { kind: "done"; crowd: TCrowdStatus }
  | { kind: "problem"; title: string; text: string; retry?: boolean };

const PROBLEMS: Record<string, { title: string; text: string }> = {
  not_found: {
    title: "This study is not available",
    text: "The link does not lead to an open study. Return to your study platform and check the link.",
  },
  study_closed: {
    title: "This study is not open right now",
    text: "The researchers have paused it. Please try again later, or contact them through your study platform.",
  },
  suspended: {
    title: "You cannot take part in this study",
    text: "Your participation was ended by the researchers. Contact them through your study platform if you think this is a mistake.",
  },
};

function problemOf(err: unknown): Extract<State, { kind: "problem" }> {
  if (err instanceof ApiError && PROBLEMS[err.code]) return { kind: "problem", ...PROBLEMS[err.code]! };
  if (err instanceof ApiError && err.status === 404) return { kind: "problem", ...PROBLEMS.not_found! };
  if (err instanceof ApiError && err.status === 400)
    return {
      kind: "problem",
      title: "Your participant id was not accepted",
      text: "Open the study again from your study platform, so the link carries your id unchanged.",
    };
  return {
    kind: "problem",
    title: "We could not start the study",
    text: "Arbiter could not be reached. Check your connection and try again.",
    retry: true,
  };
}

/** Signs the participant in under their platform id, then sends them to the labeling page. */
export function JoinFlow({ slug, request }: { slug: string; request: JoinRequest }) {
  const [state, setState] = useState<State>(() =>
    request.kind === "ok"
      ? { kind: "joining" }
      : request.kind === "preview"
        ? {
            kind: "problem",
            title: "Accept the task to begin",
            text: "You are previewing this task. Accept it on Mechanical Turk and the comparisons will start here.",
          }
        : {
            kind: "problem",
            title: "Open this study from your study platform",
            text: "This page needs the participant id your platform adds to the link. Start the study from Prolific or Mechanical Turk.",
          },
  );
  const started = useRef(false);

  async function join() {
    if (request.kind !== "ok") return;
    setState({ kind: "joining" });
    try {
      const res = await api<TJoinResponse>(`/join/${encodeURIComponent(slug)}`, {
        method: "POST",
        body: request.body,
      });
      if (res.crowd.completionCode !== null || res.crowd.judged >= res.crowd.quota)
        setState({ kind: "done", crowd: res.crowd });
      else window.location.assign(`/annotate/${res.project.id}`);
    } catch (err) {
      setState(problemOf(err));
    }
  }

  useEffect(() => {
    // Strict mode mounts twice in development; one join is enough (the API would resume anyway).
    if (started.current) return;
    started.current = true;
    void join();
  });

  if (state.kind === "done")
    return <CompletionCard code={state.crowd.completionCode ?? ""} redirectUrl={state.crowd.redirectUrl} />;
  return (
    <div className={styles.card}>
      {state.kind === "joining" ? (
        <div className={local.center} aria-live="polite">
          <Spinner size={32} label="Starting the study" />
          <h1 className={styles.title}>Starting the study…</h1>
          <p className={local.muted}>You will be comparing answers in a moment.</p>
        </div>
      ) : (
        <div className={local.center} role="alert" data-testid="join-problem">
          <h1 className={styles.title}>{state.title}</h1>
          <p className={local.muted}>{state.text}</p>
          {state.retry ? (
            <Button variant="primary" onClick={() => void join()}>
              Try again
            </Button>
          ) : null}
        </div>
      )}
    </div>
  );
}
