import { useTranslations } from "next-intl";
import type { ComponentProps } from "react";
import { Kbd } from "@/components/ui";
import { STRENGTHS } from "../answer";
import styles from "./strength-picker.module.css";

type Props = Omit<ComponentProps<"fieldset">, "onChange"> & {
  value: number | null | undefined;
  /** Enabled once a side is chosen; "by how much" means nothing before. */
  active: boolean;
  onChange: (strength: number) => void;
};

/** "How much better?" 1–4, each with its digit key: the labeling page's and the arena's. */
export function StrengthPicker({ value, active, onChange, ...fieldset }: Props) {
  const t = useTranslations("decision");
  return (
    <fieldset
      className={styles.strength}
      aria-label={t("strengthQuestion")}
      data-active={active}
      {...fieldset}
    >
      <span className={styles.label} aria-hidden>
        {t("strengthQuestion")}
      </span>
      {STRENGTHS.map((strength) => (
        <button
          key={strength}
          type="button"
          className={styles.button}
          aria-pressed={value === strength}
          disabled={!active}
          onClick={() => onChange(strength)}
        >
          <Kbd hint>{strength}</Kbd>
          {t(`strength${strength}`)}
        </button>
      ))}
    </fieldset>
  );
}
