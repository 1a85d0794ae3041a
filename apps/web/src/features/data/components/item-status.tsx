import type { TItemStatus } from "@arbiter/shared";
import { Badge } from "@/components/ui";
import styles from "./data.module.css";

/** DISABLED is shown as "Retired": the one word researchers see for it. */
export const STATUS = {
  OPEN: { label: "Open", tone: "accent" },
  COMPLETE: { label: "Complete", tone: "success" },
  DISABLED: { label: "Retired", tone: "neutral" },
} as const;

export function ItemStatusBadges({ status, isGold }: { status: TItemStatus; isGold: boolean }) {
  return (
    <span className={styles.badges}>
      <Badge tone={STATUS[status].tone}>{STATUS[status].label}</Badge>
      {isGold ? <Badge tone="warning">Gold</Badge> : null}
    </span>
  );
}
