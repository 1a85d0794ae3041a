"use client";

import type { TGeneratorTestResponse } from "@arbiter/shared";
import { type ReactNode, useState } from "react";
import { Button, errorMessage } from "@/components/ui";
import { ApiError } from "@/lib/api-error";
import { testGenerator } from "../api";
import styles from "./generation.module.css";

type Outcome = TGeneratorTestResponse | { ok: false; unreachable: string };

/**
 * One real request through a worker (which holds the API keys), showing the status and the
 * latency, or why it failed: a fixed message per kind of failure, never the server's own text.
 */
export function ConnectionTest({
  projectId,
  generatorId,
  children,
}: {
  projectId: string;
  generatorId: string;
  children?: ReactNode;
}) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function run() {
    setBusy(true);
    setOutcome(null);
    try {
      setOutcome(await testGenerator(projectId, generatorId));
    } catch (err) {
      setOutcome({
        ok: false,
        unreachable: err instanceof ApiError && err.status === 503 ? err.message : errorMessage(err),
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <div className={styles.cardActions}>
        <Button size="sm" onClick={() => void run()} loading={busy}>
          {busy ? "Testing…" : "Test connection"}
        </Button>
        {children}
      </div>
      <div aria-live="polite">
        {outcome ? (
          <p
            className={`${styles.result} ${outcome.ok ? styles.resultOk : styles.resultError}`}
            data-testid="connection-result"
          >
            {outcome.ok ? (
              <>
                <strong>Connected</strong> in {Math.round(outcome.latencyMs).toLocaleString("en")} ms ·{" "}
                <span className={styles.mono}>{outcome.model}</span> answered ({outcome.status})
              </>
            ) : "unreachable" in outcome ? (
              <>
                <strong>Not tested:</strong> {outcome.unreachable}
              </>
            ) : (
              <>
                <strong>Failed</strong>
                {outcome.status ? ` (${outcome.status})` : ""} after{" "}
                {Math.round(outcome.latencyMs).toLocaleString("en")} ms: {outcome.message}{" "}
                <span className={styles.mono}>{outcome.error}</span>
              </>
            )}
          </p>
        ) : null}
      </div>
    </>
  );
}
