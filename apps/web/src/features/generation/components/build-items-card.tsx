"use client";

import type { TBuildItemsBody, TBuildItemsResponse } from "@arbiter/shared";
import { type FormEvent, useState } from "react";
import { Button, Card, CardBody, CardHeader, count, errorMessage, FormError, Input } from "@/components/ui";
import formStyles from "@/components/ui/form.module.css";
import { buildItems } from "../api";
import { countOf } from "../format";
import styles from "./generation.module.css";

type Strategy = TBuildItemsBody["strategy"];

const STRATEGIES: { value: Strategy; label: string; help: string }[] = [
  {
    value: "cross-generator",
    label: "Across generators",
    help: "One item per prompt per pair of generators (or imported models): which model answers better.",
  },
  {
    value: "same-generator",
    label: "Within a generator",
    help: "Pairs of samples from the same generator: on-policy data for DPO.",
  },
  {
    value: "k-wise",
    label: "Sets of K",
    help: "One item per prompt with K completions from different generators or samples, to rank.",
  },
];

/** Builds items from stored completions; building again adds only what is new. */
export function BuildItemsCard({
  projectId,
  optionsPerItem,
  runId,
  onBuilt,
}: {
  projectId: string;
  optionsPerItem: number;
  runId: string | null;
  onBuilt: (result: TBuildItemsResponse) => void;
}) {
  const pairwise = optionsPerItem === 2;
  const [strategy, setStrategy] = useState<Strategy>(pairwise ? "cross-generator" : "k-wise");
  const [skipIdentical, setSkipIdentical] = useState(true);
  const [cap, setCap] = useState("");
  const [onlyRun, setOnlyRun] = useState(runId !== null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<TBuildItemsResponse | null>(null);

  const capNumber = cap.trim() ? Number(cap) : undefined;
  const capOk =
    capNumber === undefined || (Number.isInteger(capNumber) && capNumber >= 1 && capNumber <= 1000);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!capOk) return;
    setBusy(true);
    setError(null);
    try {
      const built = await buildItems(projectId, {
        strategy,
        skipIdentical,
        ...(strategy === "k-wise" ? { k: optionsPerItem } : {}),
        ...(capNumber ? { maxPerPrompt: capNumber } : {}),
        ...(onlyRun && runId ? { runId } : {}),
      });
      setResult(built);
      onBuilt(built);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card>
      <CardHeader
        title="Build items"
        description="Turn stored completions into items to judge. Safe to repeat: items that exist are not added twice."
      />
      <CardBody>
        <form className={formStyles.form} onSubmit={submit}>
          <fieldset className={styles.formSection}>
            <legend>Strategy</legend>
            {STRATEGIES.filter((s) => (s.value === "k-wise") !== pairwise).map((s) => {
              return (
                <label key={s.value} className={styles.check}>
                  <input
                    type="radio"
                    name="strategy"
                    value={s.value}
                    checked={strategy === s.value}
                    onChange={() => setStrategy(s.value)}
                  />
                  <span>
                    <strong>{s.value === "k-wise" ? `Sets of ${optionsPerItem}` : s.label}</strong>
                    <span className={styles.resultSample}>{s.help}</span>
                  </span>
                </label>
              );
            })}
          </fieldset>
          <label className={styles.checkRow}>
            <input
              type="checkbox"
              checked={skipIdentical}
              onChange={(e) => setSkipIdentical(e.target.checked)}
            />
            Skip completions with the same text (ignoring case, spaces and punctuation)
          </label>
          {runId ? (
            <label className={styles.checkRow}>
              <input type="checkbox" checked={onlyRun} onChange={(e) => setOnlyRun(e.target.checked)} />
              Only completions of the run I came from
            </label>
          ) : null}
          <Input
            label="Items per prompt at most"
            inputMode="numeric"
            placeholder="no cap"
            value={cap}
            onChange={(e) => setCap(e.target.value)}
            error={capOk ? null : "a whole number from 1 to 1,000"}
          />
          <FormError message={error} />
          <div className={styles.cardActions}>
            <Button type="submit" variant="primary" loading={busy} disabled={!capOk}>
              Build items
            </Button>
          </div>
          {result ? (
            <p
              className={`${styles.result} ${styles.resultOk}`}
              data-testid="build-result"
              aria-live="polite"
            >
              <strong>
                {result.created === 0 ? "Nothing new" : `Added ${countOf(result.created, "items")}`}
              </strong>
              {" · "}
              {count(result.existing)} already existed · {count(result.skippedIdentical)} skipped as identical
            </p>
          ) : null}
        </form>
      </CardBody>
    </Card>
  );
}
