import type { TAssignment } from "@arbiter/shared";
import { Markdown } from "@/components/ui/markdown";
import styles from "./labeling.module.css";

const ROLE: Record<string, string> = { system: "System", user: "User", assistant: "Assistant" };

/** The prompt: plain text, or a conversation shown as a chat. */
export function PromptView({ prompt }: { prompt: TAssignment["prompt"] }) {
  return (
    <section className={styles.prompt} aria-labelledby="prompt-heading">
      <h2 id="prompt-heading" className={styles.sectionLabel}>
        Prompt
      </h2>
      {prompt.messages ? (
        <ol className={styles.chat}>
          {prompt.messages.map((m, i) => (
            // Messages have no ids; their order is their identity.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <li key={i} className={`${styles.message} ${styles[m.role]}`}>
              <div className={styles.messageRole}>{ROLE[m.role] ?? m.role}</div>
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
