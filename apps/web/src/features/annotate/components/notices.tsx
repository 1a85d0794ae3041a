"use client";

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
  return (
    <div className={`${styles.notice} ${styles.noticeWarning}`} role="alert" data-testid="retry-notice">
      <div>
        <strong>{phase.reason}.</strong> Your answer is kept and will be sent again{" "}
        {seconds > 0 ? `in ${seconds} s` : "now"} (attempt {phase.attempt + 1}); it will count once.
      </div>
      <Button size="sm" onClick={onRetry}>
        Retry now
      </Button>
    </div>
  );
}

const WARN_BEFORE_MS = 120_000;

/** A lease that runs out does not lose work: late answers are stored, and counted if still wanted. */
export function LeaseNotice({ expiresAt, onRefresh }: { expiresAt: string; onRefresh: () => void }) {
  const end = Date.parse(expiresAt);
  const seconds = useCountdown(end);
  if (seconds * 1000 > WARN_BEFORE_MS) return null;
  if (seconds > 0) {
    return (
      <div className={styles.notice}>
        Your reservation of this item ends in {Math.floor(seconds / 60)}:
        {String(seconds % 60).padStart(2, "0")}.
      </div>
    );
  }
  return (
    <div className={`${styles.notice} ${styles.noticeWarning}`} role="status" data-testid="lease-expired">
      <div>
        <strong>Your reservation of this item has expired.</strong> You can still answer: it is saved, and
        counts if the item still needs it.
      </div>
      <Button size="sm" onClick={onRefresh}>
        Get a fresh item
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
