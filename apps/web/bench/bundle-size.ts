import { readFileSync } from "node:fs";
import path from "node:path";
import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";

export type TChunk = { file: string; bytes: number; gzipBytes: number };
export type TFirstLoad = { totalGzipBytes: number; chunks: TChunk[] };

/**
 * The scripts a browser loads for the first view of an App Router route: the framework's
 * root main files (build-manifest.json; the polyfill files are `nomodule` and skipped by
 * current browsers) and the entry chunks of every segment of the route — root layout,
 * group layouts, error and not-found boundaries, the page — from the route's client
 * reference manifest. Chunks that the code loads later with `import()` are not in either.
 */
export function routeChunkFiles(rootMainFiles: string[], entryJSFiles: Record<string, string[]>): string[] {
  return [...new Set([...rootMainFiles, ...Object.values(entryJSFiles).flat()])];
}

/**
 * The route's client reference manifest is a script assigning to
 * `globalThis.__RSC_MANIFEST[route]`; it is run in an empty context, not required.
 */
function readEntryJSFiles(nextDir: string, route: string): Record<string, string[]> {
  const file = path.join(nextDir, "server", "app", `${route}_client-reference-manifest.js`);
  const sandbox: { __RSC_MANIFEST?: Record<string, { entryJSFiles: Record<string, string[]> }> } = {};
  runInNewContext(readFileSync(file, "utf8"), Object.assign(sandbox, { globalThis: sandbox, self: sandbox }));
  const manifest = sandbox.__RSC_MANIFEST?.[route];
  if (!manifest) throw new Error(`${file} has no manifest for ${route}`);
  return manifest.entryJSFiles;
}

/** Each chunk's size as shipped and gzipped (zlib's default level), largest gzipped first. */
export function measureChunks(nextDir: string, files: string[]): TFirstLoad {
  const chunks = files.map((file) => {
    const content = readFileSync(path.join(nextDir, file));
    return { file, bytes: content.length, gzipBytes: gzipSync(content).length };
  });
  chunks.sort((a, b) => b.gzipBytes - a.gzipBytes);
  return { totalGzipBytes: chunks.reduce((sum, c) => sum + c.gzipBytes, 0), chunks };
}

/** First-load JavaScript of `route` (e.g. "(app)/annotate/[projectId]/page") in a `next build` output. */
export function firstLoadJs(nextDir: string, route: string): TFirstLoad {
  const { rootMainFiles } = JSON.parse(readFileSync(path.join(nextDir, "build-manifest.json"), "utf8")) as {
    rootMainFiles: string[];
  };
  return measureChunks(nextDir, routeChunkFiles(rootMainFiles, readEntryJSFiles(nextDir, `/${route}`)));
}
