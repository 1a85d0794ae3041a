"use client";

import type { TEraseUserResponse, TUser } from "@arbiter/shared";
import { type FormEvent, useState } from "react";
import { Button, Dialog, DialogActions, Input, useDialogAction } from "@/components/ui";
import formStyles from "@/components/ui/form.module.css";
import { eraseUser } from "../api";

/**
 * Erasure on a person's request: final, so the admin picks what happens to the answers and
 * types the email to confirm (the API checks it too).
 */
export function EraseUserDialog({
  user,
  onClose,
  onErased,
}: {
  user: TUser | null;
  onClose: () => void;
  onErased: (result: TEraseUserResponse, judgments: "keep" | "delete") => void;
}) {
  const [judgments, setJudgments] = useState<"keep" | "delete">("keep");
  const [typed, setTyped] = useState("");
  const action = useDialogAction(() => {
    setTyped("");
    setJudgments("keep");
    onClose();
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!user) return;
    void action.run(async () =>
      onErased(await eraseUser(user.id, { judgments, confirmEmail: typed.trim() }), judgments),
    );
  }

  return (
    <Dialog open={user !== null} onClose={onClose} title={user ? `Erase ${user.name}?` : ""}>
      {user ? (
        <form className={formStyles.form} onSubmit={submit}>
          <p>
            Erasure <strong>cannot be undone</strong>. Their email, name, crowd platform ids, sessions, API
            keys and the addresses the audit log recorded for them are removed; the account can never sign in
            again.
          </p>
          <fieldset className={formStyles.choices}>
            <legend>Their judgments</legend>
            <label className={formStyles.choice}>
              <input
                type="radio"
                name="judgments"
                checked={judgments === "keep"}
                onChange={() => setJudgments("keep")}
              />
              Keep them, anonymous
              <small>They stay in statistics and exports under the same pseudonym.</small>
            </label>
            <label className={formStyles.choice}>
              <input
                type="radio"
                name="judgments"
                checked={judgments === "delete"}
                onChange={() => setJudgments("delete")}
              />
              Delete them
              <small>Items they completed reopen, and other annotators fill them again.</small>
            </label>
          </fieldset>
          <Input
            label={`Type ${user.email} to confirm`}
            name="confirmEmail"
            autoComplete="off"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
          />
          <DialogActions error={action.error} busy={action.busy} onCancel={onClose}>
            <Button
              type="submit"
              variant="danger"
              loading={action.busy}
              disabled={typed.trim().toLowerCase() !== user.email}
            >
              Erase permanently
            </Button>
          </DialogActions>
        </form>
      ) : null}
    </Dialog>
  );
}
