"use client";

import type { TOptionKey, TProgress } from "@arbiter/shared";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useMemo, useRef, useState } from "react";
import {
  Button,
  ButtonLink,
  EmptyState,
  ErrorState,
  Kbd,
  ProgressBar,
  Spinner,
  useShortcuts,
} from "@/components/ui";
import { type Answer, type Choice, emptyAnswer, type Missing, missingParts, taskOf } from "../answer";
import { type Nudge, type UndoProblem, useLabeling } from "../hooks/use-labeling";
import { commandForKey } from "../keys";
import { appendKey, isRanked, removeKey } from "../ranking";
import { DecisionBar } from "./decision-bar";
import { Extras } from "./extras";
import { GuidelinesPanel } from "./guidelines-panel";
import styles from "./labeling.module.css";
import { LabelingNotice } from "./labeling-notice";
import { LeaseNotice, RetryNotice } from "./notices";
import { OptionCard } from "./option-card";
import { PromptView } from "./prompt-view";
import { ShortcutHelp } from "./shortcut-help";

type Status = { kind: "saved" } | { kind: "takenBack" } | UndoProblem;

const STATUS_MS = 4000;

function describeNudge(
  nudge: Nudge,
  t: ReturnType<typeof useTranslations<"labeling">>,
  tm: ReturnType<typeof useTranslations<"missing">>,
  noConnection: string,
): string {
  if (nudge.kind !== "missing") {
    const reason = nudge.reason ?? noConnection;
    return nudge.kind === "skipFailed" ? t("skipFailed", { reason }) : reason;
  }
  return nudge.missing
    .map((m) => (m.part === "ranking" ? tm("ranking", { count: m.left }) : tm(m.part)))
    .join(" · ");
}

/** Moves focus to the first control of the part Submit waits for, so it can be answered at once. */
function focusMissing(missing: Missing) {
  const part = document.querySelector<HTMLElement>(`[data-answer-part="${missing.part}"]`);
  const target = part?.matches("textarea, button")
    ? part
    : part?.querySelector<HTMLElement>("button:not(:disabled), textarea");
  target?.focus();
}

export function LabelingPage({
  projectId,
  projectName,
  initialProgress,
}: {
  projectId: string;
  projectName: string;
  initialProgress: TProgress;
}) {
  const loop = useLabeling(projectId, initialProgress);
  const { assignment, answer, setAnswer, phase, progress } = loop;
  const t = useTranslations("labeling");
  const tm = useTranslations("missing");
  const tc = useTranslations("common");
  const [status, setStatus] = useState<Status | null>(null);
  const [guidelinesOpen, setGuidelinesOpen] = useState(initialProgress.total === 0);
  const [helpOpen, setHelpOpen] = useState(false);
  const rationaleRef = useRef<HTMLTextAreaElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const task = useMemo(() => (assignment ? taskOf(assignment) : null), [assignment]);
  const busy = phase.kind === "submitting" || phase.kind === "retrying";

  // A new item starts at the top, with the screen reader told.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the item changes
  useEffect(() => {
    if (!assignment) return;
    window.scrollTo({ top: 0 });
    headingRef.current?.focus({ preventScroll: true });
  }, [assignment?.id]);

  const choose = (choice: Choice) => {
    if (busy) return;
    loop.setNudge(null);
    setAnswer({ ...answer, choice, strength: choice === answer.choice ? answer.strength : null });
  };
  const rank = (key: TOptionKey) => {
    if (busy) return;
    loop.setNudge(null);
    const ranking = isRanked(answer.ranking, key)
      ? removeKey(answer.ranking, key)
      : appendKey(answer.ranking, key, answer.tieNext);
    setAnswer({ ...answer, ranking, tieNext: false });
  };
  const rate = (key: TOptionKey, aspect: string, value: number | null) => {
    const current = { ...(answer.aspects[key] ?? {}) };
    if (value === null) delete current[aspect];
    else current[aspect] = value;
    setAnswer({ ...answer, aspects: { ...answer.aspects, [key]: current } });
  };
  const undo = async () => {
    const problem = await loop.undo();
    setStatus(problem ?? { kind: "takenBack" });
  };
  const submit = () => {
    const missing = loop.submit();
    if (missing[0]) focusMissing(missing[0]);
  };

  // Acknowledge each saved answer, with undo at hand, for a few seconds.
  const lastId = loop.last?.id;
  useEffect(() => {
    if (lastId) setStatus({ kind: "saved" });
  }, [lastId]);
  useEffect(() => {
    if (!status) return;
    const timer = setTimeout(() => setStatus(null), STATUS_MS);
    return () => clearTimeout(timer);
  }, [status]);

  const nudgeText = loop.nudge ? describeNudge(loop.nudge, t, tm, tc("noConnection")) : null;
  const statusView =
    status?.kind === "saved" && loop.last ? (
      <>
        <span className={styles.savedMark} aria-hidden>
          ✓
        </span>
        {t("saved")}
        <button type="button" className={styles.statusAction} onClick={() => void undo()}>
          {t("undoAction")} <Kbd>U</Kbd>
        </button>
      </>
    ) : status && status.kind !== "saved" ? (
      <span data-tone={status.kind === "takenBack" ? "info" : "error"}>
        {status.kind === "takenBack"
          ? t("takenBack")
          : status.kind === "expired"
            ? t("undoExpired")
            : t("undoFailed", { reason: status.reason ?? tc("noConnection") })}
      </span>
    ) : null;
  const rationaleMissing =
    loop.nudge?.kind === "missing" && loop.nudge.missing.some((m) => m.part === "rationale");

  useShortcuts((key) => {
    if (key === "?") {
      setHelpOpen((o) => !o);
      return true;
    }
    if (key.toLowerCase() === "u" && loop.last) {
      void undo();
      return true;
    }
    if (!task || phase.kind !== "ready") return false;
    const command = commandForKey(key, answer, task);
    if (!command) return false;
    switch (command.type) {
      case "choose":
        choose(command.choice);
        break;
      case "strength":
        setAnswer({ ...answer, strength: command.value });
        break;
      case "rank":
        rank(command.key);
        break;
      case "tieNext":
        setAnswer({ ...answer, tieNext: !answer.tieNext });
        break;
      case "unrankLast": {
        const last = answer.ranking.flat().at(-1);
        if (last) setAnswer({ ...answer, ranking: removeKey(answer.ranking, last), tieNext: false });
        break;
      }
      case "clear":
        setAnswer({
          ...emptyAnswer(),
          aspects: answer.aspects,
          flags: answer.flags,
          rationale: answer.rationale,
        });
        break;
      case "submit":
        submit();
        break;
      case "skip":
        void loop.skip();
        break;
      case "guidelines":
        setGuidelinesOpen((o) => !o);
        break;
      case "rationale":
        rationaleRef.current?.focus();
        break;
      case "undo":
      case "help":
        return false;
    }
    return true;
  });

  const left = progress.available;
  return (
    <div className={styles.page} data-phase={phase.kind}>
      <header className={styles.topbar}>
        <div className={styles.titleBlock}>
          <Link href="/annotate" className={styles.back}>
            {t("back")}
          </Link>
          <h1 className={styles.projectName}>{projectName}</h1>
        </div>
        <div className={styles.counter} data-testid="progress" data-judged={progress.total} data-left={left}>
          <span>{t.rich("counter", { judged: progress.total, left, b: (c) => <strong>{c}</strong> })}</span>
          <ProgressBar value={progress.total} max={progress.total + left} label={t("progressLabel")} />
        </div>
        <div className={styles.topActions}>
          <Button
            size="sm"
            variant="ghost"
            onClick={() => void undo()}
            disabled={!loop.last || busy}
            shortcut="U"
          >
            {t("undo")}
          </Button>
          <Button
            size="sm"
            variant="ghost"
            className={styles.keysButton}
            onClick={() => setHelpOpen(true)}
            shortcut="?"
          >
            {t("keys")}
          </Button>
        </div>
      </header>
      <LabelingNotice progress={progress} />

      {assignment ? (
        <GuidelinesPanel
          guidelines={assignment.project.guidelines}
          open={guidelinesOpen}
          onToggle={() => setGuidelinesOpen((o) => !o)}
        />
      ) : null}
      {phase.kind === "retrying" ? <RetryNotice phase={phase} onRetry={loop.retryNow} /> : null}
      {assignment && phase.kind !== "done" ? (
        <LeaseNotice key={assignment.id} expiresAt={assignment.expiresAt} onRefresh={loop.reload} />
      ) : null}

      {phase.kind === "loading" ? (
        <div className={styles.loading}>
          <Spinner size={28} label={t("loading")} />
        </div>
      ) : phase.kind === "error" ? (
        <ErrorState
          title={t("loadError")}
          message={phase.reason ?? tc("noConnection")}
          onRetry={() => void loop.reload()}
        />
      ) : phase.kind === "done" || !assignment || !task ? (
        <EmptyState
          icon="✓"
          title={t("doneTitle")}
          action={
            <>
              <Button onClick={() => void loop.reload()}>{t("checkAgain")}</Button>
              <ButtonLink href="/annotate" variant="primary">
                {t("backToProjects")}
              </ButtonLink>
            </>
          }
        >
          <span data-testid="done">
            {t("doneText", { count: progress.total })}
            {progress.medianSeconds
              ? ` ${t("doneMedian", { seconds: Math.round(progress.medianSeconds) })}`
              : ""}
          </span>
        </EmptyState>
      ) : (
        <div className={styles.item} aria-busy={busy} data-assignment={assignment.id}>
          <h2 ref={headingRef} tabIndex={-1} className="visually-hidden" aria-live="polite">
            {t("item", { number: loop.shownCount })}
          </h2>
          <PromptView prompt={assignment.prompt} />
          <div className={styles.options} data-count={assignment.options.length}>
            {assignment.options.map((option, index) => (
              <OptionCard
                key={option.key}
                option={option}
                index={index}
                task={task}
                answer={answer}
                onPick={task.taskType === "ranking" ? rank : (k) => choose(k as Choice)}
                onRate={rate}
              />
            ))}
          </div>
          <Extras
            task={task}
            answer={answer}
            onAnswer={setAnswer}
            rationaleRef={rationaleRef}
            rationaleMissing={rationaleMissing}
          />
          <DecisionBar
            task={task}
            answer={answer}
            busy={busy}
            canSubmit={missingParts(answer, task).length === 0}
            nudge={nudgeText}
            status={statusView}
            onChoose={choose}
            onStrength={(value) => setAnswer({ ...answer, strength: value })}
            onAnswer={(a: Answer) => setAnswer(a)}
            onSubmit={submit}
            onSkip={() => void loop.skip()}
          />
        </div>
      )}
      <ShortcutHelp open={helpOpen} onClose={() => setHelpOpen(false)} task={task} />
    </div>
  );
}
