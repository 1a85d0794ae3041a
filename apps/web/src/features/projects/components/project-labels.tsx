import type { TProject } from "@arbiter/shared";
import { Badge, type BadgeTone } from "@/components/ui";

const STATUS_TONE: Record<TProject["status"], BadgeTone> = {
  ACTIVE: "success",
  PAUSED: "warning",
  ARCHIVED: "neutral",
};

export function StatusBadge({ status }: { status: TProject["status"] }) {
  return <Badge tone={STATUS_TONE[status]}>{status[0] + status.slice(1).toLowerCase()}</Badge>;
}

export function taskLabel(p: Pick<TProject, "taskType" | "optionsPerItem">): string {
  return p.taskType === "pairwise" ? "Pairwise" : `Ranking of ${p.optionsPerItem}`;
}
