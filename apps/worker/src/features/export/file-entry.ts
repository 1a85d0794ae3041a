import { createHash } from "node:crypto";
import type { TExportFile } from "@arbiter/shared";

/** The description of a small file written in one go (README, manifest). */
export function fileEntry(name: string, content: Buffer): TExportFile {
  return {
    name,
    split: null,
    rows: 0,
    bytes: content.length,
    sha256: createHash("sha256").update(content).digest("hex"),
  };
}
