import { useTranslations } from "next-intl";
import { Badge, Spinner } from "@/components/ui";
import { Markdown } from "@/components/ui/markdown";
import type { SideKey, SideView } from "../live";
import styles from "./arena.module.css";

/** One model's answer in one turn: streaming, finished or failed. Its name never shows here. */
export function SideCard({
  side,
  view,
  chosen,
  turn,
  name,
}: {
  side: SideKey;
  view: SideView;
  /** The vote given on this turn, to mark the side it favoured. */
  chosen: string | null;
  turn: number;
  /** The model's name, once the battle revealed it. */
  name: string | null;
}) {
  const t = useTranslations("arena");
  const state =
    view.status === "failed"
      ? "failed"
      : chosen === side
        ? "chosen"
        : chosen === "both_bad"
          ? "bad"
          : chosen
            ? "other"
            : view.status;
  return (
    <article
      className={styles.side}
      data-state={state}
      data-status={view.status}
      data-testid={`side-${side}`}
      data-turn={turn}
      aria-label={t("model", { side })}
      aria-busy={view.status === "streaming"}
    >
      <header className={styles.sideHeader}>
        <span className={styles.sideTitle}>
          <span className={styles.sideKey} aria-hidden>
            {side}
          </span>
          {t("model", { side })}
          {name ? <span className={styles.sideName}>· {name}</span> : null}
        </span>
        {view.status === "streaming" ? (
          <span className={styles.sideStatus}>
            <Spinner size={14} />
            {t("streaming")}
          </span>
        ) : view.status === "failed" ? (
          <Badge tone="danger">{t("failedBadge")}</Badge>
        ) : chosen === side ? (
          <Badge tone="accent">{t("better")}</Badge>
        ) : null}
      </header>
      <div className={styles.sideBody} data-testid="side-text">
        {view.text.trim() ? (
          <Markdown>{view.text}</Markdown>
        ) : view.status === "streaming" ? (
          <p className={styles.waiting} data-waiting>
            {t("waiting")}
          </p>
        ) : view.status === "done" ? (
          <p className={styles.waiting}>{t("empty")}</p>
        ) : null}
        {view.status === "failed" ? (
          <p className={styles.sideError} role="alert" data-testid="side-error">
            {view.error ?? t("failedText")}
          </p>
        ) : null}
      </div>
    </article>
  );
}
