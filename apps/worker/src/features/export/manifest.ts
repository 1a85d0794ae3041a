import type { ExportCounts } from "@arbiter/export";
import { EXPORT_SCHEMA_VERSION, type TExportFile, type TExportRequest } from "@arbiter/shared";
import pkg from "../../../package.json" with { type: "json" };
import type { SplitStats } from "./split-stats";

export type Manifest = {
  schema_version: number;
  arbiter_version: string;
  export_id: string;
  project: { id: string; name: string };
  format: TExportRequest["format"];
  parameters: TExportRequest;
  source: {
    items: number;
    judgments: number;
    used: number;
    excluded: ExportCounts["excluded"];
    excluded_items: ExportCounts["excludedItems"];
  };
  rows: Record<string, number>;
  /** Per split: items, mean agreement, estimated label accuracy (Dawid–Skene), KTO label balance. */
  splits: Record<
    string,
    {
      items: number;
      agreement: number | null;
      estimated_accuracy: number | null;
      labels?: SplitStats["labels"];
    }
  >;
  files: TExportFile[];
  created_at: string;
};

/** Everything needed to know what a file holds and to check it; the only place with a time. */
export function buildManifest(input: {
  exportId: string;
  project: { id: string; name: string };
  req: TExportRequest;
  counts: ExportCounts;
  splits: Record<string, SplitStats>;
  files: TExportFile[];
  createdAt: Date;
}): Manifest {
  const { counts, req } = input;
  return {
    schema_version: EXPORT_SCHEMA_VERSION,
    arbiter_version: pkg.version,
    export_id: input.exportId,
    project: input.project,
    format: req.format,
    parameters: req,
    source: {
      items: counts.items,
      judgments: counts.judgments,
      used: counts.used,
      excluded: counts.excluded,
      excluded_items: counts.excludedItems,
    },
    rows: Object.fromEntries(input.files.filter((f) => f.split).map((f) => [f.split, f.rows])),
    splits: Object.fromEntries(
      Object.entries(input.splits).map(([split, s]) => [
        split,
        {
          items: s.items,
          agreement: s.agreement,
          estimated_accuracy: s.estimatedAccuracy,
          ...(req.format === "kto" ? { labels: s.labels } : {}),
        },
      ]),
    ),
    files: input.files,
    created_at: input.createdAt.toISOString(),
  };
}
