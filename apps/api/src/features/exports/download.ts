import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { FastifyReply } from "fastify";
import { conflict, HttpError, notFound } from "../../lib/http-error";
import type { StoredExportFile } from "./service";

const CONTENT_TYPES: [string, string][] = [
  [".jsonl.gz", "application/gzip"],
  [".jsonl", "application/jsonl; charset=utf-8"],
  [".json", "application/json; charset=utf-8"],
  [".md", "text/markdown; charset=utf-8"],
];

/** A single `bytes=a-b`, `bytes=a-` or `bytes=-n` range, or null when absent or not a byte range. */
export function parseRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | "invalid" | null {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === "" && m[2] === "")) return null;
  let start: number;
  let end: number;
  if (m[1] === "") {
    start = Math.max(0, size - Number(m[2]));
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === "" ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  return start > end || start >= size ? "invalid" : { start, end };
}

/**
 * Streams one file of a finished export, with Content-Length and single-range support so
 * that an interrupted download of a large file can resume.
 */
export async function sendExportFile(
  reply: FastifyReply,
  status: string,
  file: StoredExportFile | undefined,
  rangeHeader: string | undefined,
) {
  if (status !== "SUCCEEDED") throw conflict("export_not_ready", `The export is ${status.toLowerCase()}`);
  if (!file) throw notFound("File");
  const size = await stat(file.path).then(
    (s) => s.size,
    () => null,
  );
  if (size === null) throw new HttpError(410, "file_gone", "The file was removed from the export folder");
  const type = CONTENT_TYPES.find(([ext]) => file.name.endsWith(ext))?.[1] ?? "application/octet-stream";
  reply
    .header("content-type", type)
    .header("accept-ranges", "bytes")
    .header("content-disposition", `attachment; filename="${file.name}"`)
    .header("etag", `"${file.sha256}"`);
  const range = parseRange(rangeHeader, size);
  if (range === "invalid") {
    reply.header("content-range", `bytes */${size}`);
    throw new HttpError(416, "range_not_satisfiable", `The file has ${size} bytes`);
  }
  if (range) {
    return reply
      .status(206)
      .header("content-range", `bytes ${range.start}-${range.end}/${size}`)
      .header("content-length", range.end - range.start + 1)
      .send(createReadStream(file.path, { start: range.start, end: range.end }));
  }
  return reply.header("content-length", size).send(createReadStream(file.path));
}
