import { useTranslations } from "next-intl";
import { Dialog, Kbd } from "@/components/ui";
import type { Task } from "../answer";
import styles from "./labeling.module.css";

const keys = (...caps: string[]) => (
  <>
    {caps.map((c) => (
      <Kbd key={c}>{c}</Kbd>
    ))}
  </>
);

/** Every key of the page, as keys.ts maps them: one meaning per key. */
export function ShortcutHelp({
  open,
  onClose,
  task,
}: {
  open: boolean;
  onClose: () => void;
  task: Task | null;
}) {
  const t = useTranslations("shortcuts");
  const ranking = task?.taskType === "ranking";
  const rows: [string, React.ReactNode, string][] = ranking
    ? [
        ["place", keys("1"), t("rankPlace")],
        ["tie", keys("T"), t("rankTie")],
        ["remove", keys("⌫"), t("rankRemove")],
        ["clear", keys("Esc"), t("rankClear")],
        ["move", keys("↑", "↓"), t("rankMove")],
      ]
    : [
        ["a", keys("A", "←"), t("chooseA")],
        ["b", keys("B", "→"), t("chooseB")],
        ["tie", keys("T"), t("tie")],
        ["bad", keys("X"), t("bothBad")],
        [
          "strength",
          <>
            <Kbd>1</Kbd>–<Kbd>4</Kbd>
          </>,
          t("strength"),
        ],
        ["clear", keys("Esc"), t("clearChoice")],
      ];
  const common: [string, React.ReactNode, string][] = [
    ["submit", keys("Enter"), t("submit")],
    ["skip", keys("S"), t("skip")],
    ["undo", keys("U"), t("undo")],
    ["rationale", keys("R"), t("rationale")],
    ["guidelines", keys("G"), t("guidelines")],
    ["help", keys("?"), t("help")],
  ];
  return (
    <Dialog open={open} onClose={onClose} title={t("title")}>
      <table className={styles.helpTable}>
        <tbody>
          {[...rows, ...common].map(([id, caps, text]) => (
            <tr key={id}>
              <td>
                <span className={styles.helpKeys}>{caps}</span>
              </td>
              <td>{text}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
