import { Button } from "@/components/ui";
import styles from "./setup.module.css";

/** Why a group of fields is disabled, with the way out (a copy of the project starts afresh). */
export function FixedNote({ reason, onDuplicate }: { reason: string; onDuplicate?: () => void }) {
  return (
    <div className={styles.fixedNote} data-testid="fixed-note">
      <p>
        <strong>Fixed:</strong> {reason[0]!.toUpperCase() + reason.slice(1)}.
      </p>
      {onDuplicate ? (
        <Button size="sm" onClick={onDuplicate}>
          Duplicate to change
        </Button>
      ) : null}
    </div>
  );
}
