import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";

export type FileEntry = { path: string; bytes: number; sha256: string };

export async function sha256File(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/**
 * Every finished file under the exports folder, relative paths in a stable order. An export
 * still being written lives in a `.tmp-*` folder until it is renamed into place, so those are
 * left out: the database dump cannot refer to them.
 */
export async function listExportFiles(root: string): Promise<FileEntry[]> {
  const found: FileEntry[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch((err: NodeJS.ErrnoException) => {
      if (err.code === "ENOENT") return [];
      throw err;
    });
    for (const entry of entries) {
      if (entry.name.startsWith(".tmp-")) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile())
        found.push({
          path: path.relative(root, full).split(path.sep).join("/"),
          bytes: (await stat(full)).size,
          sha256: await sha256File(full),
        });
    }
  };
  await walk(root);
  return found.sort((a, b) => a.path.localeCompare(b.path));
}
