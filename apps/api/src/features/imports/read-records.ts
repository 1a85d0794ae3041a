import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import { parse } from "csv-parse";

/** "lines": plain text, one prompt per line (pasted prompts); prompts only. */
export type TImportFormat = "jsonl" | "csv" | "lines";

/** One record of an upload, or why its line could not be read. */
export type TRawRecord = { line: number; value: Record<string, unknown> } | { line: number; error: string };

// Columns that hold JSON in a CSV file, and numbers.
const JSON_COLUMNS = new Set(["messages", "metadata"]);
const INT_COLUMNS = new Set(["sampleIndex"]);

const camel = (s: string) => s.trim().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * Reads an upload record by record without holding it whole: JSONL line by line, CSV
 * through a streaming parser with a header row. Line numbers are 1-based file lines.
 */
export async function* readRecords(stream: Readable, format: TImportFormat): AsyncGenerator<TRawRecord> {
  if (format === "lines") {
    let line = 0;
    for await (const text of createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY })) {
      line += 1;
      if (text.trim() !== "") yield { line, value: { text } };
    }
    return;
  }
  if (format === "jsonl") {
    let line = 0;
    for await (const text of createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY })) {
      line += 1;
      if (text.trim() === "") continue;
      try {
        const value: unknown = JSON.parse(text);
        if (value === null || typeof value !== "object" || Array.isArray(value)) {
          yield { line, error: "not a JSON object" };
        } else {
          yield { line, value: value as Record<string, unknown> };
        }
      } catch (err) {
        yield { line, error: `invalid JSON: ${(err as Error).message}` };
      }
    }
    return;
  }

  const parser = stream.pipe(
    parse({
      columns: (header: string[]) => header.map(camel),
      bom: true,
      info: true,
      skip_empty_lines: true,
    }),
  );
  // pipe() does not pass a source error on; without this a failed upload would hang the parser.
  stream.once("error", (err) => parser.destroy(err));
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: Record<string, string>;
      info: { lines: number };
    }>) {
      yield csvRecord(record, info.lines);
    }
  } catch (err) {
    // A broken quote or a short row stops the parser: the rest of the file cannot be trusted.
    const e = err as Error & { lines?: number };
    yield { line: e.lines ?? 0, error: `invalid CSV: ${e.message}` };
  }
}

function csvRecord(record: Record<string, string>, line: number): TRawRecord {
  const value: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(record)) {
    if (raw === "") continue;
    if (JSON_COLUMNS.has(key)) {
      try {
        value[key] = JSON.parse(raw);
      } catch {
        return { line, error: `column ${key}: invalid JSON` };
      }
    } else if (INT_COLUMNS.has(key)) {
      const n = Number(raw);
      if (!Number.isInteger(n)) return { line, error: `column ${key}: not an integer` };
      value[key] = n;
    } else {
      value[key] = raw;
    }
  }
  return { line, value };
}

export function formatOf(explicit: TImportFormat | undefined, filename: string): TImportFormat | null {
  if (explicit) return explicit;
  if (/\.(jsonl|ndjson|json)$/i.test(filename)) return "jsonl";
  if (/\.csv$/i.test(filename)) return "csv";
  return null;
}
