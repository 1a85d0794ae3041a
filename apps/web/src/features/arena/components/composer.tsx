import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { Button } from "@/components/ui";
import styles from "./arena.module.css";

/** A user message: the battle's opening or the next turn. Ctrl/⌘+Enter sends it. */
export function Composer({
  label,
  submitLabel,
  maxChars,
  busy,
  disabled,
  error,
  onSubmit,
  onEdit,
  autoFocus,
}: {
  label: string;
  submitLabel: string;
  maxChars: number;
  busy: boolean;
  disabled?: boolean;
  error: string | null;
  /** Resolves true when the message was taken: the field empties. */
  onSubmit: (text: string) => Promise<boolean>;
  /** The text changed: a refusal of the earlier text no longer applies. */
  onEdit?: () => void;
  autoFocus?: boolean;
}) {
  const t = useTranslations("arena");
  const [text, setText] = useState("");
  const id = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  const over = text.length > maxChars;
  const empty = text.trim() === "";
  const send = async () => {
    if (empty || over || busy || disabled) return;
    if (await onSubmit(text.trim())) setText("");
  };
  return (
    <form
      className={styles.composer}
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <label htmlFor={id} className={styles.composerLabel}>
        {label}
      </label>
      <textarea
        id={id}
        ref={ref}
        className={styles.composerInput}
        value={text}
        rows={3}
        // biome-ignore lint/a11y/noAutofocus: the page's one task is to write this message
        autoFocus={autoFocus}
        aria-invalid={over || Boolean(error) || undefined}
        aria-describedby={`${id}-note`}
        data-testid="composer"
        onChange={(e) => {
          setText(e.target.value);
          if (error) onEdit?.();
        }}
        onKeyDown={(e) => {
          if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void send();
          }
        }}
      />
      <div className={styles.composerFoot}>
        <p id={`${id}-note`} className={error || over ? styles.composerError : styles.composerNote}>
          {error ??
            (over ? t("tooLong", { max: maxChars }) : t("chars", { count: text.length, max: maxChars }))}
        </p>
        <Button
          type="submit"
          variant="primary"
          loading={busy}
          disabled={empty || over || disabled}
          shortcut="Ctrl ⏎"
        >
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
