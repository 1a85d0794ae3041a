import { Dialog, Kbd } from "@/components/ui";
import type { Task } from "../answer";
import styles from "./labeling.module.css";

export function ShortcutHelp({
  open,
  onClose,
  task,
}: {
  open: boolean;
  onClose: () => void;
  task: Task | null;
}) {
  const ranking = task?.taskType === "ranking";
  const rows: [React.ReactNode, string][] = ranking
    ? [
        [<Kbd key="d">1</Kbd>, "…to the number of responses: place that response next (again: take it out)"],
        [<Kbd key="t">T</Kbd>, "The next response you place ties with the last one"],
        [<Kbd key="b">⌫</Kbd>, "Take out the last placed response"],
        [<Kbd key="e">Esc</Kbd>, "Clear the ranking"],
        [
          <>
            <Kbd>↑</Kbd>
            <Kbd>↓</Kbd>
          </>,
          "On a focused chip: move it; = ties it with the one above",
        ],
      ]
    : [
        [
          <>
            <Kbd>A</Kbd>
            <Kbd>←</Kbd>
            <Kbd>1</Kbd>
          </>,
          "Response A is better",
        ],
        [
          <>
            <Kbd>B</Kbd>
            <Kbd>→</Kbd>
            <Kbd>2</Kbd>
          </>,
          "Response B is better",
        ],
        [<Kbd key="t">T</Kbd>, "Tie"],
        [<Kbd key="x">X</Kbd>, "Both bad"],
        [
          <>
            <Kbd>1</Kbd>–<Kbd>4</Kbd>
          </>,
          "After choosing A or B: how much better (negligible, slight, clear, strong)",
        ],
        [<Kbd key="e">Esc</Kbd>, "Clear the choice"],
      ];
  const common: [React.ReactNode, string][] = [
    [<Kbd key="enter">Enter</Kbd>, "Submit (Ctrl+Enter while typing)"],
    [<Kbd key="s">S</Kbd>, "Skip this item"],
    [<Kbd key="u">U</Kbd>, "Undo your last answer (within 60 s)"],
    [<Kbd key="r">R</Kbd>, "Write a rationale"],
    [<Kbd key="g">G</Kbd>, "Show or hide the guidelines"],
    [<Kbd key="q">?</Kbd>, "This help"],
  ];
  return (
    <Dialog open={open} onClose={onClose} title="Keyboard shortcuts">
      <table className={styles.helpTable}>
        <tbody>
          {[...rows, ...common].map(([keys, text]) => (
            <tr key={text}>
              <td>
                <span className={styles.helpKeys}>{keys}</span>
              </td>
              <td>{text}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
