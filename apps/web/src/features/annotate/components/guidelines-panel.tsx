import { useTranslations } from "next-intl";
import { Kbd } from "@/components/ui";
import { Markdown } from "@/components/ui/markdown";
import styles from "./labeling.module.css";

export function GuidelinesPanel({
  guidelines,
  open,
  onToggle,
}: {
  guidelines: string;
  open: boolean;
  onToggle: () => void;
}) {
  const t = useTranslations("guidelines");
  if (!guidelines.trim()) return null;
  return (
    <section className={styles.guidelines} data-open={open}>
      <button
        type="button"
        className={styles.guidelinesToggle}
        aria-expanded={open}
        aria-controls="guidelines-body"
        onClick={onToggle}
      >
        <span className={styles.chevron} aria-hidden>
          ▸
        </span>
        {t("toggle")}
        <Kbd>G</Kbd>
      </button>
      <div id="guidelines-body" hidden={!open} className={styles.guidelinesBody}>
        <Markdown>{guidelines}</Markdown>
      </div>
    </section>
  );
}
