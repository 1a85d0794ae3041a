"use client";

import type { TGenerator } from "@arbiter/shared";
import { type FormEvent, useState } from "react";
import {
  Button,
  count,
  Dialog,
  DialogActions,
  errorMessage,
  FormError,
  Input,
  Spinner,
  usePagedList,
} from "@/components/ui";
import formStyles from "@/components/ui/form.module.css";
import { listPrompts, startRun } from "../api";
import styles from "./generation.module.css";

/** Picks generators, samples per prompt and (optionally) which prompts, then starts the run. */
export function StartRunDialog({
  open,
  projectId,
  generators,
  promptCount,
  onClose,
  onStarted,
}: {
  open: boolean;
  projectId: string;
  generators: TGenerator[];
  promptCount: number;
  onClose: () => void;
  onStarted: (runId: string) => void;
}) {
  return (
    <Dialog open={open} onClose={onClose} title="Start a generation run">
      {open ? (
        <StartRunForm
          projectId={projectId}
          generators={generators}
          promptCount={promptCount}
          onClose={onClose}
          onStarted={onStarted}
        />
      ) : null}
    </Dialog>
  );
}

function StartRunForm({
  projectId,
  generators,
  promptCount,
  onClose,
  onStarted,
}: {
  projectId: string;
  generators: TGenerator[];
  promptCount: number;
  onClose: () => void;
  onStarted: (runId: string) => void;
}) {
  const [chosen, setChosen] = useState(() => new Set(generators.map((g) => g.id)));
  const [samples, setSamples] = useState("2");
  const [subset, setSubset] = useState(false);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const samplesNumber = Number(samples);
  const samplesOk = Number.isInteger(samplesNumber) && samplesNumber >= 1 && samplesNumber <= 64;
  const prompts = subset ? picked.size : promptCount;
  const total = prompts * chosen.size * (samplesOk ? samplesNumber : 0);
  const ready = chosen.size > 0 && samplesOk && prompts > 0;

  const toggle = (set: Set<string>, id: string) => {
    const next = new Set(set);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return next;
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!ready) return;
    setBusy(true);
    setError(null);
    try {
      const { run } = await startRun(projectId, {
        generatorIds: generators.filter((g) => chosen.has(g.id)).map((g) => g.id),
        samplesPerPrompt: samplesNumber,
        ...(subset ? { promptIds: [...picked] } : {}),
      });
      onStarted(run.id);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <form className={formStyles.form} onSubmit={submit}>
      <fieldset className={styles.formSection}>
        <legend>Generators</legend>
        <div className={styles.checkList}>
          {generators.map((g) => (
            <label key={g.id} className={styles.check}>
              <input
                type="checkbox"
                checked={chosen.has(g.id)}
                onChange={() => setChosen((s) => toggle(s, g.id))}
              />
              <span>
                <strong>{g.name}</strong> <span className={styles.mono}>{g.model}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <Input
        label="Samples per prompt"
        type="number"
        min={1}
        max={64}
        value={samples}
        onChange={(e) => setSamples(e.target.value)}
        error={samplesOk ? null : "a whole number from 1 to 64"}
        hint="Two or more let you build same-generator pairs (on-policy comparisons)."
      />
      <fieldset className={styles.formSection}>
        <legend>Prompts</legend>
        <label className={styles.checkRow}>
          <input type="radio" name="subset" checked={!subset} onChange={() => setSubset(false)} />
          All {count(promptCount)} prompts of the project
        </label>
        <label className={styles.checkRow}>
          <input type="radio" name="subset" checked={subset} onChange={() => setSubset(true)} />
          Only the prompts I pick
        </label>
        {subset ? (
          <PromptPicker
            projectId={projectId}
            picked={picked}
            onToggle={(id) => setPicked((s) => toggle(s, id))}
          />
        ) : null}
      </fieldset>
      <p className={styles.note} aria-live="polite">
        {count(prompts)} prompt{prompts === 1 ? "" : "s"} × {chosen.size} generator
        {chosen.size === 1 ? "" : "s"} × {samplesOk ? samplesNumber : "?"} = <strong>{count(total)}</strong>{" "}
        requests. Samples already stored are not generated again.
      </p>
      <DialogActions error={error} busy={busy} onCancel={onClose}>
        <Button type="submit" variant="primary" loading={busy} disabled={!ready}>
          Start run
        </Button>
      </DialogActions>
    </form>
  );
}

function PromptPicker({
  projectId,
  picked,
  onToggle,
}: {
  projectId: string;
  picked: Set<string>;
  onToggle: (id: string) => void;
}) {
  const list = usePagedList(async (cursor) => {
    const page = await listPrompts(projectId, cursor);
    return { rows: page.prompts, nextCursor: page.nextCursor };
  }, projectId);
  if (list.error && list.rows.length === 0) return <FormError message={list.error} />;
  return (
    <div className={styles.checkList} aria-busy={list.loading}>
      {list.loading ? <Spinner label="Loading prompts" /> : null}
      {list.rows.map((p) => (
        <label key={p.id} className={styles.check}>
          <input type="checkbox" checked={picked.has(p.id)} onChange={() => onToggle(p.id)} />
          <span>
            {p.externalId ? <span className={styles.mono}>{p.externalId} · </span> : null}
            {p.preview || "(empty)"}
          </span>
        </label>
      ))}
      {list.nextCursor ? (
        <Button size="sm" variant="ghost" onClick={() => void list.loadMore()} loading={list.loadingMore}>
          Load more prompts
        </Button>
      ) : null}
    </div>
  );
}
