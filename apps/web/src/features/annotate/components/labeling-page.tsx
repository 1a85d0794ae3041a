"use client";

import type { TOptionKey, TProgress } from "@arbiter/shared";
import Link from "next/link";
import { useEffect, useMemo, useRef, useState } from "react";
import { Button, ButtonLink, EmptyState, ErrorState, ProgressBar, Spinner, useToast } from "@/components/ui";
import { type Answer, type Choice, emptyAnswer, missingParts, taskOf } from "../answer";
import { useLabeling } from "../hooks/use-labeling";
import { useShortcuts } from "../hooks/use-shortcuts";
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
  const toast = useToast();
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
    if (problem) toast({ message: problem, tone: "error" });
    else toast({ message: "Answer taken back; change it and submit again" });
  };
  const submit = () => loop.submit();

  // Acknowledge each saved answer, with undo at hand.
  const lastId = loop.last?.id;
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per saved answer
  useEffect(() => {
    if (lastId)
      toast({
        message: "Answer saved",
        tone: "success",
        topic: "saved",
        action: { label: "Undo (U)", onClick: () => void undo() },
        ms: 3000,
      });
  }, [lastId]);

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
            ← Projects
          </Link>
          <h1 className={styles.projectName}>{projectName}</h1>
        </div>
        <div className={styles.counter} data-testid="progress">
          <span>
            <strong>{progress.total}</strong> judged · <strong>{left}</strong> left
          </span>
          <ProgressBar
            value={progress.total}
            max={progress.total + left}
            label="Your progress in this project"
          />
        </div>
        <div className={styles.topActions}>
          <Button
            size="sm"
            variant="ghost"
            onClick={() => void undo()}
            disabled={!loop.last || busy}
            shortcut="U"
          >
            Undo
          </Button>
          <Button
            size="sm"
            variant="ghost"
            className={styles.keysButton}
            onClick={() => setHelpOpen(true)}
            shortcut="?"
            aria-label="Keyboard shortcuts"
          >
            Keys
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
          <Spinner size={28} label="Loading the next item" />
        </div>
      ) : phase.kind === "error" ? (
        <ErrorState
          title="Could not load an item"
          message={phase.message}
          onRetry={() => void loop.reload()}
        />
      ) : phase.kind === "done" || !assignment || !task ? (
        <EmptyState
          icon="✓"
          title="All caught up"
          action={
            <>
              <Button onClick={() => void loop.reload()}>Check again</Button>
              <ButtonLink href="/annotate" variant="primary">
                Back to projects
              </ButtonLink>
            </>
          }
        >
          <span data-testid="done">
            Nothing is left for you in this project right now. You judged {progress.total}{" "}
            {progress.total === 1 ? "item" : "items"} here
            {progress.medianSeconds ? `, ${progress.medianSeconds} s each on average` : ""}.
          </span>
        </EmptyState>
      ) : (
        <div className={styles.item} aria-busy={busy} data-assignment={assignment.id}>
          <h2 ref={headingRef} tabIndex={-1} className="visually-hidden" aria-live="polite">
            Item {loop.shownCount}
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
          <Extras task={task} answer={answer} onAnswer={setAnswer} rationaleRef={rationaleRef} />
          <DecisionBar
            task={task}
            answer={answer}
            busy={busy}
            canSubmit={missingParts(answer, task).length === 0}
            nudge={loop.nudge}
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
