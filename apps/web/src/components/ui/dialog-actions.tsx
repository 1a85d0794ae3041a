import type { ReactNode } from "react";
import { Button } from "./button";
import formStyles from "./form.module.css";

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
        <p className={formStyles.error} role="alert">
          {error}
        </p>
      ) : null}
      <div className={formStyles.actions}>
        <Button onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
        {children}
      </div>
    </>
  );
}
