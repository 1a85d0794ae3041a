import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui";
import type { Problem } from "../hooks/use-battle";
import styles from "./arena.module.css";

/** Seconds until `at`, updated every second; 0 once it has passed. */
export function useSecondsUntil(at: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (at === null) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [at]);
  return at === null ? 0 : Math.max(0, Math.ceil((at - now) / 1000));
}

/** Why the arena refused: a limit (with when to try again), the budget, or anything else. */
export function ProblemNotice({ problem, onDismiss }: { problem: Problem; onDismiss: () => void }) {
  const t = useTranslations("arena");
  const seconds = useSecondsUntil(problem.retryAt);
  const title =
    problem.code === "rate_limited"
      ? t("rateLimitedTitle")
      : problem.code === "daily_cap"
        ? t("dailyCapTitle")
        : problem.code === "budget_exhausted"
          ? t("budgetTitle")
          : t("problemTitle");
  return (
    <div className={styles.problem} role="alert" data-testid="arena-problem" data-code={problem.code}>
      <div>
        <p className={styles.problemTitle}>{title}</p>
        <p className={styles.problemText}>{problem.message}</p>
        {problem.retryAt !== null ? (
          <p className={styles.problemText} data-testid="retry-after">
            {seconds <= 0
              ? t("retryNow")
              : seconds < 90
                ? t("retryIn", { seconds })
                : t("retryInMinutes", { minutes: Math.ceil(seconds / 60) })}
          </p>
        ) : null}
      </div>
      <Button size="sm" variant="ghost" onClick={onDismiss}>
        {t("dismiss")}
      </Button>
    </div>
  );
}
