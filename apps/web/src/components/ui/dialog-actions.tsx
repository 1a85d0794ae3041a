import type { ReactNode } from "react";
import { Button } from "./button";
import formStyles from "./form.module.css";
import { FormError } from "./form-error";

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
      <FormError message={error} />
      <div className={formStyles.actions}>
        <Button onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
        {children}
      </div>
    </>
  );
}
