"use client";

import type { TCreateGeneratorBody, TGenerator } from "@arbiter/shared";
import { type FormEvent, useState } from "react";
import { Button, Dialog, DialogActions, errorMessage, Input, Textarea } from "@/components/ui";
import formStyles from "@/components/ui/form.module.css";
import { ApiError } from "@/lib/api-error";
import {
  bodyFromForm,
  EMPTY_FORM,
  errorsFromApi,
  type FormErrors,
  formFromGenerator,
  type GeneratorForm,
} from "../generator-form";
import styles from "./generation.module.css";

/** Adds a generator, or edits one when `generator` is given. */
export function GeneratorDialog({
  open,
  generator,
  onClose,
  onSubmit,
}: {
  open: boolean;
  generator: TGenerator | null;
  onClose: () => void;
  onSubmit: (body: TCreateGeneratorBody) => Promise<void>;
}) {
  return (
    <Dialog open={open} onClose={onClose} title={generator ? `Edit ${generator.name}` : "Add a generator"}>
      {open ? (
        <GeneratorFormBody
          key={generator?.id ?? "new"}
          initial={generator ? formFromGenerator(generator) : EMPTY_FORM}
          storedKey={generator?.apiKeySet ? { last4: generator.apiKeyLast4 } : null}
          submitLabel={generator ? "Save changes" : "Add generator"}
          onClose={onClose}
          onSubmit={onSubmit}
        />
      ) : null}
    </Dialog>
  );
}

function GeneratorFormBody({
  initial,
  storedKey,
  submitLabel,
  onClose,
  onSubmit,
}: {
  initial: GeneratorForm;
  /** The generator's stored key, as much as the API tells of it. */
  storedKey: { last4: string | null } | null;
  submitLabel: string;
  onClose: () => void;
  onSubmit: (body: TCreateGeneratorBody) => Promise<void>;
}) {
  const [form, setForm] = useState(initial);
  const [errors, setErrors] = useState<FormErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [removeKey, setRemoveKey] = useState(false);

  const field = (key: keyof GeneratorForm) => ({
    name: key,
    value: form[key],
    error: errors[key] ?? null,
    onChange: (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value })),
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = bodyFromForm(form);
    if (!result.ok) {
      setErrors(result.errors);
      setFormError("Some fields need a look.");
      return;
    }
    setBusy(true);
    setErrors({});
    setFormError(null);
    try {
      await onSubmit(removeKey && !result.body.apiKey ? { ...result.body, apiKey: null } : result.body);
      onClose();
    } catch (err) {
      const fieldErrors = err instanceof ApiError && err.status === 400 ? errorsFromApi(err.details) : {};
      setErrors(fieldErrors);
      setFormError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className={formStyles.form} onSubmit={submit} noValidate>
      <fieldset className={styles.formSection}>
        <legend>Endpoint</legend>
        <Input label="Name" {...field("name")} autoFocus autoComplete="off" maxLength={200} />
        <Input
          label="Base URL"
          {...field("baseUrl")}
          inputMode="url"
          autoComplete="off"
          hint="The OpenAI-compatible root, ending in /v1 (vLLM, TGI, SGLang, llama.cpp, Ollama)."
        />
        <Input
          label="Model"
          {...field("model")}
          autoComplete="off"
          hint="As the server names it in /v1/models."
        />
        <div role="radiogroup" aria-label="Mode" className={styles.segmented}>
          {(["chat", "completion"] as const).map((mode) => (
            <label key={mode}>
              <input
                type="radio"
                name="mode"
                value={mode}
                checked={form.mode === mode}
                onChange={() => setForm((f) => ({ ...f, mode }))}
              />
              {mode === "chat" ? "Chat (/chat/completions)" : "Completion (/completions)"}
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset className={styles.formSection}>
        <legend>Sampling</legend>
        <div className={styles.twoCols}>
          <Input
            label="Temperature"
            {...field("temperature")}
            inputMode="decimal"
            placeholder="server default"
          />
          <Input label="top_p" {...field("topP")} inputMode="decimal" placeholder="server default" />
          <Input
            label="max_tokens"
            {...field("maxTokens")}
            inputMode="numeric"
            placeholder="server default"
          />
          <Input
            label="Seed"
            {...field("seed")}
            inputMode="numeric"
            placeholder="none"
            hint="Each sample adds its index, so samples differ yet repeat."
          />
        </div>
        <Textarea
          label="Stop sequences"
          {...field("stop")}
          rows={2}
          placeholder="one per line; \n for a newline"
        />
        <Textarea
          label="Other parameters (JSON)"
          {...field("extra")}
          rows={3}
          spellCheck={false}
          placeholder='{"top_k": 40, "repetition_penalty": 1.1}'
          hint="Passed to the server as given."
        />
      </fieldset>

      <fieldset className={styles.formSection}>
        <legend>Access and capacity</legend>
        <Input
          label="API key"
          {...field("apiKey")}
          type="password"
          autoComplete="new-password"
          spellCheck={false}
          disabled={removeKey}
          placeholder={
            storedKey
              ? `stored${storedKey.last4 ? ` (ends in ${storedKey.last4})` : ""}; type a new one to replace it`
              : "leave empty for none"
          }
        />
        {storedKey ? (
          <label className={styles.checkRow}>
            <input type="checkbox" checked={removeKey} onChange={(e) => setRemoveKey(e.target.checked)} />
            Remove the stored key
          </label>
        ) : null}
        <p className={styles.keyNote}>
          <svg aria-hidden width="14" height="14" viewBox="0 0 16 16" className={styles.lock}>
            <rect x="3" y="7" width="10" height="7" rx="1.5" fill="currentColor" />
            <path d="M5 7V5a3 3 0 0 1 6 0v2" fill="none" stroke="currentColor" strokeWidth="1.6" />
          </svg>
          <span>
            The key is stored encrypted and never shown again; only the worker reads it, when it calls this
            server. Moving the generator to another server asks for the key again.
          </span>
        </p>
        <Input
          label="Or: a key your operator set on the worker"
          {...field("apiKeyEnv")}
          autoComplete="off"
          spellCheck={false}
          placeholder="ARBITER_GENERATOR_KEY_… (leave empty for none)"
        />
        <div className={styles.twoCols}>
          <Input
            label="Concurrency"
            {...field("concurrency")}
            inputMode="numeric"
            hint="Requests in flight at once, across all workers."
          />
          <Input
            label="Requests per minute"
            {...field("requestsPerMinute")}
            inputMode="numeric"
            placeholder="no limit"
          />
        </div>
      </fieldset>

      <DialogActions error={formError} busy={busy} onCancel={onClose}>
        <Button type="submit" variant="primary" loading={busy}>
          {submitLabel}
        </Button>
      </DialogActions>
    </form>
  );
}
