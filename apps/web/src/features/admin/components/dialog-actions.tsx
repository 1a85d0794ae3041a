import type { ReactNode } from "react";
import { Button } from "@/components/ui";
import styles from "./admin.module.css";

/** The end of a dialog form: the failed action's message, then Cancel beside the action button. */
export function DialogActions({
  error,
  busy,
  onCancel,
  children,
}: {
  error: string | null;
  busy: boolean;
  onCancel: () => void;
  children: ReactNode;
}) {
  return (
    <>
      {error ? (
        <p className={styles.formError} role="alert">
          {error}
        </p>
      ) : null}
      <div className={styles.formActions}>
        <Button onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
        {children}
      </div>
    </>
  );
}
