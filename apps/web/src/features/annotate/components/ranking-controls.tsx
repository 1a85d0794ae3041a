import type { TOptionKey } from "@arbiter/shared";
import { useTranslations } from "next-intl";
import { type DragEvent, type KeyboardEvent, useState } from "react";
import { Kbd } from "@/components/ui";
import type { Answer, Task } from "../answer";
import { appendKey, isRanked, moveGroup, placeBefore, removeKey, tieWithPrevious, untie } from "../ranking";
import styles from "./labeling.module.css";
import partLabel from "./strength-picker.module.css";

const DRAG_TYPE = "application/x-arbiter-option";

function focusChip(key: TOptionKey) {
  requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-rank-chip="${key}"]`)?.focus());
}

/**
 * The ranking, best first. Keys: digits place responses in order (page-wide); on a
 * focused chip, arrows move its group, "=" ties it with the group above, Delete takes it
 * out. Chips can also be dragged before another group or to the end.
 */
export function RankingControls({
  task,
  answer,
  onAnswer,
}: {
  task: Task;
  answer: Answer;
  onAnswer: (a: Answer) => void;
}) {
  const t = useTranslations("ranking");
  const to = useTranslations("option");
  const kbd = (chunks: React.ReactNode) => <Kbd>{chunks}</Kbd>;
  const [dropAt, setDropAt] = useState<number | "end" | null>(null);
  const ranking = answer.ranking;
  const unranked = task.keys.filter((k) => !isRanked(ranking, k));
  const set = (next: Answer["ranking"], tieNext = false) => onAnswer({ ...answer, ranking: next, tieNext });

  function onChipKey(event: KeyboardEvent, key: TOptionKey, index: number) {
    const moves: Record<string, -1 | 1> = { ArrowUp: -1, ArrowLeft: -1, ArrowDown: 1, ArrowRight: 1 };
    const delta = moves[event.key];
    if (delta) {
      set(moveGroup(ranking, index, delta));
      focusChip(key);
    } else if (event.key === "=" && task.questions.allowTie) {
      set(tieWithPrevious(ranking, index));
      focusChip(key);
    } else if (event.key === "Delete" || event.key === "Backspace") {
      set(removeKey(ranking, key));
    } else return;
    event.preventDefault();
  }

  function drop(event: DragEvent, at: number | "end") {
    event.preventDefault();
    setDropAt(null);
    const key = event.dataTransfer.getData(DRAG_TYPE) as TOptionKey;
    if (task.keys.includes(key)) set(placeBefore(ranking, key, at));
  }
  const dragProps = (key: TOptionKey) => ({
    draggable: true,
    onDragStart: (e: DragEvent) => {
      e.dataTransfer.setData(DRAG_TYPE, key);
      e.dataTransfer.effectAllowed = "move";
    },
  });
  const dropProps = (at: number | "end") => ({
    onDragOver: (e: DragEvent) => {
      e.preventDefault();
      setDropAt(at);
    },
    onDragLeave: () => setDropAt(null),
    onDrop: (e: DragEvent) => drop(e, at),
  });

  let place = 1;
  return (
    <div className={styles.ranking}>
      <div className={styles.rankingHead}>
        <span className={partLabel.label}>{t("heading")}</span>
        <span className={styles.rankingHint}>
          {t.rich("hintPlace", { last: task.keys.length, kbd })}
          {task.questions.allowTie ? <> · {t.rich("hintTie", { kbd })}</> : null} ·{" "}
          {t.rich("hintRemove", { kbd })}
        </span>
      </div>
      <ol className={styles.rankList} aria-label={t("list")} data-testid="ranking">
        {ranking.map((group, index) => {
          const label = t("place", { n: place });
          place += group.length;
          return (
            <li
              key={group.join("")}
              className={styles.rankGroup}
              data-drop={dropAt === index}
              {...dropProps(index)}
            >
              <span className={styles.place}>
                {group.length > 1 ? "=" : ""}
                {label}
              </span>
              {group.map((key) => (
                <button
                  key={key}
                  type="button"
                  className={styles.chip}
                  data-rank-chip={key}
                  aria-label={t("chip", { key, tied: String(group.length > 1), place: label })}
                  onKeyDown={(e) => onChipKey(e, key, index)}
                  onClick={() => set(removeKey(ranking, key))}
                  title={t("chipTitle")}
                  {...dragProps(key)}
                >
                  {key}
                </button>
              ))}
              {group.length > 1 ? (
                <button
                  type="button"
                  className={styles.linkButton}
                  onClick={() => set(untie(ranking, index))}
                >
                  {t("untie")}
                </button>
              ) : index > 0 && task.questions.allowTie ? (
                <button
                  type="button"
                  className={styles.linkButton}
                  onClick={() => set(tieWithPrevious(ranking, index))}
                  aria-label={t("tieAboveLabel", { place: t("place", { n: index }) })}
                >
                  {t("tieAbove")}
                </button>
              ) : null}
            </li>
          );
        })}
        {answer.tieNext ? (
          <li className={styles.tieNext}>{t("tieNext", { group: ranking.at(-1)?.join(" = ") ?? "" })}</li>
        ) : null}
        <li className={styles.rankEnd} data-drop={dropAt === "end"} {...dropProps("end")}>
          {unranked.length === 0 ? (
            <span className={styles.rankDone}>{t("allRanked")}</span>
          ) : (
            <>
              <span className={styles.place}>{ranking.length ? t("left") : t("pick")}</span>
              {unranked.map((key) => (
                <button
                  key={key}
                  type="button"
                  className={`${styles.chip} ${styles.chipUnranked}`}
                  onClick={() => set(appendKey(ranking, key, answer.tieNext))}
                  {...dragProps(key)}
                >
                  <span aria-hidden>{key}</span>
                  <span className="visually-hidden">{to("placeAction", { key })}</span>
                  <Kbd hint>{task.keys.indexOf(key) + 1}</Kbd>
                </button>
              ))}
            </>
          )}
        </li>
      </ol>
    </div>
  );
}
