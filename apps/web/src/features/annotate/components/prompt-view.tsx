import type { TAssignment } from "@arbiter/shared";
import { useTranslations } from "next-intl";
import { Markdown } from "@/components/ui/markdown";
import styles from "./labeling.module.css";

/** The prompt: plain text, or a conversation shown as a chat. */
export function PromptView({ prompt }: { prompt: TAssignment["prompt"] }) {
  const t = useTranslations("prompt");
  return (
    <section className={styles.prompt} aria-labelledby="prompt-heading">
      <h2 id="prompt-heading" className={styles.sectionLabel}>
        {t("heading")}
      </h2>
      {prompt.messages ? (
        <ol className={styles.chat}>
          {prompt.messages.map((m, i) => (
            // Messages have no ids; their order is their identity.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <li key={i} className={`${styles.message} ${styles[m.role]}`}>
              <div className={styles.messageRole}>{t(m.role)}</div>
              <Markdown>{m.content}</Markdown>
            </li>
          ))}
        </ol>
      ) : (
        <div className={styles.promptText}>
          <Markdown>{prompt.text ?? ""}</Markdown>
        </div>
      )}
    </section>
  );
}
