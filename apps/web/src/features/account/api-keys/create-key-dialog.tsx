"use client";

import type { TCreateApiKeyResponse } from "@arbiter/shared";
import { type FormEvent, useState } from "react";
import { Button, Dialog, DialogActions, errorMessage, Input, SelectField } from "@/components/ui";
import formStyles from "@/components/ui/form.module.css";
import { ApiError } from "@/lib/api-error";
import { confirmPassword, createApiKey, PASSWORD_CHECK_REQUIRED } from "./api";
import { EXPIRY_CHOICES, type ExpiryChoice, expiresInDays } from "./key-rules";

type Step = "details" | "password";
type Errors = { name?: string; date?: string; password?: string };

/**
 * Creating a key needs a password check from the last minutes. When the API says the
 * session's is too old, the dialog asks for the password, records the check, and retries
 * the same request, so the person never starts over.
 */
export function CreateKeyDialog({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (created: TCreateApiKeyResponse) => void;
}) {
  const [step, setStep] = useState<Step>("details");
  const [name, setName] = useState("");
  const [expiry, setExpiry] = useState<ExpiryChoice>("90");
  const [date, setDate] = useState("");
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [problem, setProblem] = useState<string | null>(null);

  function close() {
    setStep("details");
    setName("");
    setExpiry("90");
    setDate("");
    setErrors({});
    setProblem(null);
    onClose();
  }

  async function create(days: number | undefined) {
    const created = await createApiKey({ name: name.trim(), ...(days ? { expiresInDays: days } : {}) });
    onCreated(created);
    close();
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get("password") ?? "");
    const { days, error } = expiresInDays(expiry, date);
    setProblem(null);
    if (error) {
      setErrors({ date: error });
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      if (step === "password") await confirmPassword(password);
      await create(days);
    } catch (err) {
      if (err instanceof ApiError && err.code === PASSWORD_CHECK_REQUIRED) setStep("password");
      else if (err instanceof ApiError && err.code === "wrong_password")
        setErrors({ password: "is incorrect" });
      else if (
        err instanceof ApiError &&
        err.status === 400 &&
        JSON.stringify(err.details).includes("body.name")
      )
        setErrors({ name: err.message });
      else setProblem(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open={open} onClose={close} title={step === "details" ? "New API key" : "Confirm your password"}>
      <form className={formStyles.form} onSubmit={submit}>
        {step === "details" ? (
          <>
            <Input
              label="Name"
              name="name"
              required
              maxLength={200}
              autoComplete="off"
              placeholder="e.g. training cluster"
              hint="Say where the key will live, so you know which one to revoke later."
              value={name}
              onChange={(e) => setName(e.target.value)}
              error={errors.name}
            />
            <SelectField
              label="Expires"
              name="expiry"
              value={expiry}
              onChange={(e) => setExpiry(e.target.value as ExpiryChoice)}
              options={EXPIRY_CHOICES.map((c) => ({ value: c.value, label: c.label }))}
            />
            {expiry === "date" ? (
              <Input
                label="Expiry date"
                name="date"
                type="date"
                required
                value={date}
                onChange={(e) => setDate(e.target.value)}
                error={errors.date}
                hint="The key works until the end of this day."
              />
            ) : null}
          </>
        ) : (
          <Input
            label="Password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            autoFocus
            hint="An API key acts as you, so Arbiter asks for your password once more before making one."
            error={errors.password}
          />
        )}
        <DialogActions error={problem} busy={busy} onCancel={close}>
          <Button type="submit" variant="primary" loading={busy}>
            {step === "details" ? "Create key" : "Confirm and create"}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
