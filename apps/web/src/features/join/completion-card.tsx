"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Button, ButtonLink, useCopy } from "@/components/ui";
import styles from "./join.module.css";

const REDIRECT_SECONDS = 8;

/**
 * The end of a crowd participant's work: the study's completion code, large and easy to
 * copy, and, when the project names a return URL, an automatic return after a few seconds
 * (long enough to copy the code first; it can be cancelled).
 */
export function CompletionCard({ code, redirectUrl }: { code: string; redirectUrl: string | null }) {
  const t = useTranslations("completion");
  const [copied, copy] = useCopy(code);
  const [left, setLeft] = useState<number | null>(redirectUrl ? REDIRECT_SECONDS : null);
  useEffect(() => {
    if (left === null || !redirectUrl) return;
    if (left <= 0) {
      window.location.assign(redirectUrl);
      return;
    }
    const timer = setTimeout(() => setLeft(left - 1), 1000);
    return () => clearTimeout(timer);
  }, [left, redirectUrl]);

  return (
    <section className={styles.completion} aria-labelledby="completion-title" data-testid="completion">
      <div className={styles.check} aria-hidden>
        ✓
      </div>
      <h2 id="completion-title" className={styles.title}>
        {t("title")}
      </h2>
      {code ? (
        <>
          <p className={styles.muted}>{t("codeIntro")}</p>
          <div className={styles.code} data-testid="completion-code" data-copy={code}>
            {code}
          </div>
          <Button onClick={copy} aria-live="polite">
            {copied ? t("copied") : t("copy")}
          </Button>
        </>
      ) : (
        <p className={styles.muted}>{t("allAnswered")}</p>
      )}
      {redirectUrl ? (
        <>
          <p className={styles.muted} aria-live="polite">
            {left !== null && left > 0
              ? t("redirectIn", { seconds: left })
              : left === null
                ? t("returnWhenReady")
                : t("redirectNow")}
          </p>
          <div className={styles.actions}>
            <ButtonLink href={redirectUrl} variant="primary">
              {t("returnNow")}
            </ButtonLink>
            {left !== null ? <Button onClick={() => setLeft(null)}>{t("stay")}</Button> : null}
          </div>
        </>
      ) : null}
    </section>
  );
}
