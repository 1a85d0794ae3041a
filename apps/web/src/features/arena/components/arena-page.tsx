"use client";

import type { TMyProject } from "@arbiter/shared";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Badge, Button, Spinner, useShortcuts } from "@/components/ui";
import { Markdown } from "@/components/ui/markdown";
import { useBattle, type VoteChoice } from "../hooks/use-battle";
import { SIDES } from "../live";
import styles from "./arena.module.css";
import { Composer } from "./composer";
import { ProblemNotice, useSecondsUntil } from "./problem-notice";
import { SideCard } from "./side-card";
import { VoteBar } from "./vote-bar";

type Settings = NonNullable<TMyProject["arena"]>;

/** Keeps the battle in the address, so a reload shows it again (and resumes its stream). */
function rememberBattle(id: string | null) {
  const url = new URL(window.location.href);
  if (id) url.searchParams.set("battle", id);
  else url.searchParams.delete("battle");
  window.history.replaceState(window.history.state, "", url);
}

export function ArenaPage({
  projectId,
  projectName,
  settings,
  initialBattleId,
}: {
  projectId: string;
  projectName: string;
  settings: Settings;
  initialBattleId: string | null;
}) {
  const t = useTranslations("arena");
  const tc = useTranslations("common");
  const b = useBattle(projectId, tc("noConnection"), initialBattleId);
  const [choice, setChoice] = useState<VoteChoice | null>(null);
  const [strength, setStrength] = useState<number | null>(null);
  const [rationale, setRationale] = useState("");
  const { battle, current } = b;
  const currentTurn = current?.turn ?? 0;
  // A refused start (a limit with Retry-After) stays refused until then.
  const waitSeconds = useSecondsUntil(b.problem?.retryAt ?? null);
  const revealRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (b.closed) revealRef.current?.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }, [b.closed]);

  // A new turn starts without a choice.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the turn changes
  useEffect(() => {
    setChoice(null);
    setStrength(null);
    setRationale("");
  }, [battle?.id, currentTurn]);

  const decisive = choice === "A" || choice === "B";
  const needsStrength = settings.strength && decisive && strength === null;
  const needsRationale = settings.rationale === "required" && !rationale.trim();
  const choose = (c: VoteChoice | null) => {
    setChoice(c);
    if (c !== choice) setStrength(null);
  };

  const newBattle = () => {
    b.reset();
    rememberBattle(null);
  };
  const start = async (prompt: string | null) => {
    const started = await b.start(prompt);
    if (started) rememberBattle(started.id);
    return started !== null;
  };
  const castVote = () => {
    if (!choice || needsStrength || needsRationale || !b.canVote || b.busy) return;
    void b.vote({ choice, strength: settings.strength && decisive ? strength : null, rationale }, false);
  };
  const finish = () => {
    if (b.lastVote && !b.busy) void b.vote(b.lastVote, true);
  };

  useShortcuts((key) => {
    const k = key.length === 1 ? key.toLowerCase() : key;
    if (b.canVote) {
      if (k === "a" || k === "ArrowLeft") choose("A");
      else if (k === "b" || k === "ArrowRight") choose("B");
      else if (k === "t" && settings.allowTie) choose("tie");
      else if (k === "x" && settings.allowBothBad) choose("both_bad");
      else if (/^[1-4]$/.test(k) && settings.strength && decisive) setStrength(Number(k));
      else if (k === "Escape" || k === "Backspace") choose(null);
      else if (k === "Enter") castVote();
      else return false;
      return true;
    }
    if (k === "n" && battle && (b.failed || b.closed || b.voted) && !b.busy) {
      newBattle();
      return true;
    }
    if (k === "f" && b.voted && !b.busy) {
      finish();
      return true;
    }
    return false;
  });

  const system = battle?.prompt.filter((m) => m.role === "system") ?? [];
  const turnLimit = battle !== null && currentTurn >= settings.maxTurns;
  const composerError = b.problem?.field === "body.prompt" || b.problem?.code === "moderation_refused";
  const promptProblem = composerError ? b.problem!.message : null;

  return (
    <div
      className={styles.page}
      data-testid="arena"
      data-battle={battle?.id ?? ""}
      data-status={battle?.status ?? "none"}
    >
      <header className={styles.topbar}>
        <div className={styles.titleBlock}>
          <Link href="/annotate" className={styles.back}>
            {t("back")}
          </Link>
          <h1 className={styles.projectName}>
            {projectName} <Badge tone="accent">{t("badge")}</Badge>
          </h1>
        </div>
        {battle ? (
          <Button
            variant="secondary"
            onClick={newBattle}
            disabled={b.busy !== null}
            shortcut={b.canVote ? undefined : "N"}
          >
            {t("newBattle")}
          </Button>
        ) : null}
      </header>

      {b.connection === "lost" ? (
        <div className={styles.notice} role="alert">
          <span>{t("connectionLost")}</span>
          <Button size="sm" onClick={b.reconnect}>
            {t("reconnect")}
          </Button>
        </div>
      ) : null}
      {b.problem && !composerError ? (
        <ProblemNotice problem={b.problem} onDismiss={() => b.setProblem(null)} />
      ) : null}

      {b.busy === "load" && !battle ? (
        <div className={styles.loading}>
          <Spinner size={28} label={t("loading")} />
        </div>
      ) : !battle ? (
        <section className={styles.intro}>
          <h2 className={styles.introTitle}>{t("introTitle")}</h2>
          <p className={styles.introText}>{t(settings.revealModels ? "introText" : "introTextHidden")}</p>
          {settings.promptSource === "annotator" ? (
            <Composer
              label={t("firstPrompt")}
              submitLabel={t("start")}
              maxChars={settings.promptChars}
              busy={b.busy === "start"}
              disabled={waitSeconds > 0}
              error={promptProblem}
              onEdit={() => b.setProblem(null)}
              onSubmit={(text) => start(text)}
              autoFocus
            />
          ) : (
            <div className={styles.drawRow}>
              <p className={styles.introText}>{t("drawnText")}</p>
              <Button
                variant="primary"
                size="lg"
                loading={b.busy === "start"}
                onClick={() => void start(null)}
              >
                {t("startDrawn")}
              </Button>
            </div>
          )}
        </section>
      ) : (
        <div className={styles.battle}>
          {system.length > 0 ? (
            <details className={styles.system}>
              <summary>{t("systemMessage")}</summary>
              {system.map((m) => (
                <Markdown key={m.content}>{m.content}</Markdown>
              ))}
            </details>
          ) : null}
          {b.turns.map((turn) => (
            <section key={turn.turn} className={styles.turn} data-testid="turn" data-turn={turn.turn}>
              <h2 className="visually-hidden">{t("turnHeading", { turn: turn.turn })}</h2>
              <div className={styles.userMessage} data-testid="user-message">
                <div className={styles.messageRole}>{t("you")}</div>
                <Markdown>{turn.prompt}</Markdown>
              </div>
              <div className={styles.sides}>
                {SIDES.map((side) => (
                  <SideCard
                    key={side}
                    side={side}
                    view={turn.sides[side]}
                    turn={turn.turn}
                    name={battle.models?.[side] ?? null}
                    chosen={
                      turn.turn === currentTurn
                        ? (b.votedChoice ?? (b.canVote ? choice : null))
                        : (b.votes[turn.turn] ?? null)
                    }
                  />
                ))}
              </div>
            </section>
          ))}

          {b.failed ? (
            <section className={`${styles.reveal} ${styles.failed}`} role="alert" data-testid="battle-failed">
              <h2 className={styles.revealTitle}>{t("failedTitle")}</h2>
              <p className={styles.introText}>
                {battle.reason &&
                battle.status === "failed" &&
                !current?.sides.A.error &&
                !current?.sides.B.error
                  ? battle.reason
                  : t("failedText")}
              </p>
              <Button variant="primary" onClick={newBattle} shortcut="N">
                {t("newBattle")}
              </Button>
            </section>
          ) : b.closed ? (
            <section ref={revealRef} className={styles.reveal} data-testid="reveal" aria-live="polite">
              <h2 className={styles.revealTitle}>{t("closedTitle")}</h2>
              {battle.models ? (
                <dl className={styles.revealList}>
                  {SIDES.map((side) => (
                    <div key={side} className={styles.revealItem} data-testid={`reveal-${side}`}>
                      <dt>{t("model", { side })}</dt>
                      <dd>{battle.models![side]}</dd>
                    </div>
                  ))}
                </dl>
              ) : (
                <p className={styles.introText}>{t("anonymous")}</p>
              )}
              <Button variant="primary" onClick={newBattle} shortcut="N">
                {t("newBattle")}
              </Button>
            </section>
          ) : b.voted ? (
            <section className={styles.after} data-testid="after-vote">
              <p className={styles.saved} role="status">
                <span aria-hidden>✓ </span>
                {t("voteSaved")}
              </p>
              {turnLimit ? (
                <p className={styles.introText}>{t("turnLimit", { max: settings.maxTurns })}</p>
              ) : (
                <Composer
                  label={t("nextPrompt")}
                  submitLabel={t("send")}
                  maxChars={settings.promptChars}
                  busy={b.busy === "continue"}
                  disabled={b.busy !== null}
                  error={promptProblem}
                  onEdit={() => b.setProblem(null)}
                  onSubmit={(text) => b.next(text)}
                  autoFocus
                />
              )}
              <div className={styles.afterActions}>
                <Button
                  variant={turnLimit ? "primary" : "secondary"}
                  onClick={finish}
                  loading={b.busy === "end"}
                  shortcut="F"
                  data-testid="finish"
                >
                  {settings.revealModels ? t("finishReveal") : t("finish")}
                </Button>
              </div>
            </section>
          ) : b.canVote ? (
            <VoteBar
              choice={choice}
              strength={strength}
              rationale={rationale}
              settings={settings}
              ready={Boolean(choice) && !needsStrength && !needsRationale}
              busy={b.busy === "vote"}
              onChoose={choose}
              onStrength={setStrength}
              onRationale={setRationale}
              onVote={castVote}
            />
          ) : (
            <p className={styles.streamingNote} aria-live="polite">
              {b.connection === "reconnecting" ? t("reconnecting") : t("voteWhenDone")}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
