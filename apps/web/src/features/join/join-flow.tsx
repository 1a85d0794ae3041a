"use client";

import type { TCrowdStatus } from "@arbiter/shared";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Button, Spinner } from "@/components/ui";
import styles from "@/components/ui/standalone-page.module.css";
import { browserApi, call } from "@/lib/api-client";
import { ApiError } from "@/lib/api-error";
import { CompletionCard } from "./completion-card";
import local from "./join.module.css";
import type { JoinRequest } from "./platform-params";

type Problem = "notFound" | "closed" | "suspended" | "badId" | "unreachable" | "preview" | "noId";
type State =
  | { kind: "joining" }
  | { kind: "done"; crowd: TCrowdStatus }
  | { kind: "problem"; problem: Problem };

const BY_CODE: Record<string, Problem> = {
  not_found: "notFound",
  study_closed: "closed",
  suspended: "suspended",
};

function problemOf(err: unknown): Problem {
  if (err instanceof ApiError && BY_CODE[err.code]) return BY_CODE[err.code]!;
  if (err instanceof ApiError && err.status === 404) return "notFound";
  if (err instanceof ApiError && err.status === 400) return "badId";
  return "unreachable";
}

/** Signs the participant in under their platform id, then sends them to the labeling page. */
export function JoinFlow({ slug, request }: { slug: string; request: JoinRequest }) {
  const t = useTranslations("join");
  const tc = useTranslations("common");
  const [state, setState] = useState<State>(() =>
    request.kind === "ok"
      ? { kind: "joining" }
      : { kind: "problem", problem: request.kind === "preview" ? "preview" : "noId" },
  );
  const started = useRef(false);

  async function join() {
    if (request.kind !== "ok") return;
    setState({ kind: "joining" });
    try {
      const res = await call(
        browserApi.POST("/api/v1/join/{slug}", { params: { path: { slug } }, body: request.body }),
      );
      if (res.crowd.completionCode !== null || res.crowd.judged >= res.crowd.quota)
        setState({ kind: "done", crowd: res.crowd });
      else window.location.assign(`/annotate/${res.project.id}`);
    } catch (err) {
      setState({ kind: "problem", problem: problemOf(err) });
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
          <Spinner size={32} label={t("startingLabel")} />
          <h1 className={styles.title}>{t("starting")}</h1>
          <p className={local.muted}>{t("startingText")}</p>
        </div>
      ) : (
        <div className={local.center} role="alert" data-testid="join-problem">
          <h1 className={styles.title}>{t(`${state.problem}Title`)}</h1>
          <p className={local.muted}>
            {state.problem === "unreachable" ? tc("unreachable") : t(`${state.problem}Text`)}
          </p>
          {state.problem === "unreachable" ? (
            <Button variant="primary" onClick={() => void join()}>
              {tc("tryAgain")}
            </Button>
          ) : null}
        </div>
      )}
    </div>
  );
}
