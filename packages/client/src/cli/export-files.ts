import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, readFile, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import type { Arbiter } from "../create-arbiter";
import { unwrap } from "../errors";
import type { Export } from "../wait";
import { CliError, usage } from "./cli-error";
import { EXIT } from "./exit-codes";

/** A file as the export's manifest (and the API) describe it. */
export type ExportFile = { name: string; bytes: number; sha256: string };
/** The part of manifest.json the CLI relies on: every file of the export but itself. */
export type Manifest = { export_id: string; files: ExportFile[] } & Record<string, unknown>;

export const MANIFEST = "manifest.json";

/**
 * How a file came to be in the folder: already there and right, fetched whole, finished from
 * a partial download, or fetched over the same file of an earlier export.
 */
export type FileOutcome = ExportFile & { status: "present" | "downloaded" | "resumed" | "replaced" };

export async function sha256File(file: string): Promise<string> {
  const hash = createHash("sha256");
  await pipeline(createReadStream(file), hash);
  return hash.digest("hex");
}

async function sizeOf(file: string): Promise<number | undefined> {
  try {
    return (await stat(file)).size;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw err;
  }
}

const mismatch = (details: string[]) =>
  new CliError(
    EXIT.JOB_FAILED,
    `${details.length} file(s) do not match the export's manifest`,
    "checksum_mismatch",
    details,
  );

function parseManifest(text: string): Manifest | undefined {
  try {
    const manifest = JSON.parse(text) as Manifest;
    return Array.isArray(manifest?.files) ? manifest : undefined;
  } catch {
    return undefined;
  }
}

/** DIR/manifest.json, which `arbiter export --out` writes last. */
export async function readManifest(dir: string): Promise<Manifest> {
  const file = path.join(dir, MANIFEST);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    throw usage(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  const manifest = parseManifest(text);
  if (!manifest) throw usage(`${file} is not the manifest of an Arbiter export`);
  return manifest;
}

/** Checks that every file the manifest lists is in `dir` with its sha256; exit 5 naming those that are not. */
export async function verifyFolder(dir: string, manifest: Manifest): Promise<void> {
  const problems: string[] = [];
  for (const f of manifest.files) {
    const file = path.join(dir, f.name);
    if ((await sizeOf(file)) === undefined) problems.push(`${f.name}: missing from ${dir}`);
    else {
      const actual = await sha256File(file);
      if (actual !== f.sha256) problems.push(`${f.name}: sha256 ${actual}, the manifest says ${f.sha256}`);
    }
  }
  if (problems.length) throw mismatch(problems);
}

/** Where a download in progress is kept; named by export, so that another export's bytes are never continued. */
const partOf = (dir: string, name: string, exportId: string) => path.join(dir, `.${name}.${exportId}.part`);

type Planned = { file: ExportFile; status: FileOutcome["status"] | "fetch" };

/**
 * Downloads a finished export into `dir` and checks every file against the export's manifest
 * (the manifest itself against the API's listing). Files already there with the right sha256
 * are kept; a partial download of the same export is continued with a Range request; a file
 * of the export downloaded there before (it matches the manifest already in the folder) is
 * replaced. Any other file in the way is reported (exit 5) and left untouched, and nothing is
 * written. The manifest is moved into place last: the folder is then complete.
 */
export async function downloadExport(
  arbiter: Arbiter,
  exp: Export,
  dir: string,
  onBytes: (done: number, total: number) => void = () => undefined,
): Promise<{ manifest: Manifest; files: FileOutcome[] }> {
  await mkdir(dir, { recursive: true });
  const listed = exp.files.find((f) => f.name === MANIFEST);
  if (!listed) throw new CliError(EXIT.UNEXPECTED, `export ${exp.id} lists no ${MANIFEST}`, "no_manifest");
  const target = path.join(dir, MANIFEST);
  const previousText = await readFile(target, "utf8").catch(() => undefined);
  const previous = previousText === undefined ? undefined : parseManifest(previousText);
  if (previousText !== undefined && !previous)
    throw mismatch([`${MANIFEST}: ${target} is not an Arbiter manifest (move it away to download here)`]);

  const manifestPart = partOf(dir, MANIFEST, exp.id);
  await fetchFile(arbiter, exp.id, listed, manifestPart, () => undefined);
  if ((await sha256File(manifestPart)) !== listed.sha256) {
    await rm(manifestPart, { force: true });
    throw mismatch([`${MANIFEST}: the download does not match the sha256 the API lists`]);
  }
  const manifest = parseManifest(await readFile(manifestPart, "utf8"));
  if (!manifest)
    throw new CliError(EXIT.UNEXPECTED, `export ${exp.id}: ${MANIFEST} lists no files`, "bad_manifest");

  const plan: Planned[] = [];
  const problems: string[] = [];
  for (const file of manifest.files) {
    const local = path.join(dir, file.name);
    if ((await sizeOf(local)) === undefined) {
      plan.push({ file, status: "fetch" });
      continue;
    }
    const actual = await sha256File(local);
    if (actual === file.sha256) plan.push({ file, status: "present" });
    else if (previous?.files.some((f) => f.name === file.name && f.sha256 === actual))
      plan.push({ file, status: "replaced" });
    else
      problems.push(
        `${file.name}: sha256 ${actual}, the manifest says ${file.sha256} (delete ${local} to download it again)`,
      );
  }
  if (problems.length) {
    await rm(manifestPart, { force: true });
    throw mismatch(problems);
  }

  const fetching = plan.filter((p) => p.status !== "present");
  const total = fetching.reduce((s, p) => s + p.file.bytes, 0);
  let done = 0;
  onBytes(done, total);
  const outcomes: FileOutcome[] = [];
  for (const { file, status } of plan) {
    if (status === "present") {
      outcomes.push({ ...file, status });
      continue;
    }
    const part = partOf(dir, file.name, exp.id);
    const resumed = await fetchFile(arbiter, exp.id, file, part, (n) => {
      done += n;
      onBytes(done, total);
    });
    const actual = await sha256File(part);
    if (actual !== file.sha256) {
      await rm(part, { force: true });
      problems.push(`${file.name}: downloaded sha256 ${actual}, the manifest says ${file.sha256}`);
      continue;
    }
    await rename(part, path.join(dir, file.name));
    outcomes.push({
      ...file,
      status: status === "replaced" ? "replaced" : resumed ? "resumed" : "downloaded",
    });
  }
  if (problems.length) throw mismatch(problems);
  // Files of the earlier export that this one no longer has (a split dropped), checked to be untouched.
  for (const old of previous?.files ?? []) {
    if (manifest.files.some((f) => f.name === old.name)) continue;
    const local = path.join(dir, old.name);
    if ((await sizeOf(local)) !== undefined && (await sha256File(local)) === old.sha256) await rm(local);
  }
  await rename(manifestPart, target);
  return { manifest, files: outcomes };
}

/** Fetches a file into `part`, continuing what is already there; true when it continued. */
async function fetchFile(
  arbiter: Arbiter,
  exportId: string,
  file: ExportFile,
  part: string,
  progress: (bytes: number) => void,
): Promise<boolean> {
  let offset = (await sizeOf(part)) ?? 0;
  if (offset > file.bytes) {
    await rm(part);
    offset = 0;
  }
  progress(offset);
  if (offset === file.bytes) return offset > 0;
  const res = await arbiter.GET("/api/v1/exports/{id}/files/{name}", {
    params: { path: { id: exportId, name: file.name } },
    headers: offset > 0 ? { range: `bytes=${offset}-` } : {},
    parseAs: "stream",
  });
  // A range past the end: the partial file is not what the server has; start over.
  if (res.response.status === 416 && offset > 0) {
    await res.response.body?.cancel();
    await rm(part, { force: true });
    progress(-offset);
    return fetchFile(arbiter, exportId, file, part, progress);
  }
  unwrap(res);
  const body = res.response.body;
  if (!body) throw new CliError(EXIT.UNEXPECTED, `${file.name}: the API sent no content`, "empty_download");
  // 200 to a Range request is the whole file: written from the start.
  const append = offset > 0 && res.response.status === 206;
  if (offset > 0 && !append) progress(-offset);
  const counter = new Transform({
    transform(chunk: Buffer, _enc, next) {
      progress(chunk.length);
      next(null, chunk);
    },
  });
  await pipeline(
    Readable.fromWeb(body as WebReadableStream),
    counter,
    createWriteStream(part, { flags: append ? "a" : "w" }),
  );
  return append;
}
