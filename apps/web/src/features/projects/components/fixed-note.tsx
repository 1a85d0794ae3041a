import type { TFixedSetting } from "@arbiter/shared";
import { Button } from "@/components/ui";
import styles from "./setup.module.css";

// The API's reason starts "<field> is fixed …"; on screen the field gets its label.
const SUBJECT: Record<TFixedSetting, string> = {
  taskType: "The task type and K are",
  optionsPerItem: "The task type and K are",
  questions: "The question set is",
  mode: "The project's mode (standard or arena) is",
};

/** Why a group of fields is disabled, with the way out (a copy of the project starts afresh). */
export function FixedNote({
  field,
  reason,
  subject,
  onDuplicate,
}: {
  field: TFixedSetting;
  reason: string;
  /** Names the fields when one note stands for several fixed for the same reason. */
  subject?: string;
  onDuplicate?: () => void;
}) {
  const prefix = `${field} is`;
  const text = reason.startsWith(prefix)
    ? `${subject ?? SUBJECT[field]}${reason.slice(prefix.length)}`
    : reason;
  return (
    <div className={styles.fixedNote} data-testid="fixed-note">
      <p>
        <strong>Fixed:</strong> {text}.
      </p>
      {onDuplicate ? (
        <Button size="sm" onClick={onDuplicate}>
          Duplicate to change
        </Button>
      ) : null}
    </div>
  );
}
