"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui";
import type { Phase } from "../hooks/use-labeling";
import styles from "./labeling.module.css";

/** Shown while an answer is being re-sent; it is never dropped. */
export function RetryNotice({
  phase,
  onRetry,
}: {
  phase: Extract<Phase, { kind: "retrying" }>;
  onRetry: () => void;
}) {
  const seconds = useCountdown(phase.retryAt);
  const t = useTranslations("notices");
  const tc = useTranslations("common");
  return (
    <div className={`${styles.notice} ${styles.noticeWarning}`} role="alert" data-testid="retry-notice">
      <div>
        {t.rich("retry", {
          reason: phase.reason ?? tc("noConnection"),
          seconds,
          attempt: phase.attempt + 1,
          b: (chunks) => <strong>{chunks}</strong>,
        })}
      </div>
      <Button size="sm" onClick={onRetry}>
        {t("retryNow")}
      </Button>
    </div>
  );
}

const WARN_BEFORE_MS = 120_000;

/** A lease that runs out does not lose work: late answers are stored, and counted if still wanted. */
export function LeaseNotice({ expiresAt, onRefresh }: { expiresAt: string; onRefresh: () => void }) {
  const end = Date.parse(expiresAt);
  const seconds = useCountdown(end);
  const t = useTranslations("notices");
  if (seconds * 1000 > WARN_BEFORE_MS) return null;
  if (seconds > 0) {
    return (
      <div className={styles.notice}>
        {t("leaseEnds", { time: `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}` })}
      </div>
    );
  }
  return (
    <div className={`${styles.notice} ${styles.noticeWarning}`} role="status" data-testid="lease-expired">
      <div>{t.rich("leaseExpired", { b: (chunks) => <strong>{chunks}</strong> })}</div>
      <Button size="sm" onClick={onRefresh}>
        {t("freshItem")}
      </Button>
    </div>
  );
}

function useCountdown(until: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return Math.max(0, Math.ceil((until - now) / 1000));
}
