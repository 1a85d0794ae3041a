import { openAsBlob } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { usage } from "./cli-error";

/** A JSON file given on the command line; unreadable or malformed is a usage error. */
export async function readJsonFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    throw usage(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw usage(`${file} is not valid JSON: ${(err as Error).message}`);
  }
}

/** A file to upload, read lazily from disk as it is sent. */
export async function fileBlob(file: string): Promise<{ blob: Blob; name: string }> {
  let isFile: boolean;
  try {
    isFile = (await stat(file)).isFile();
  } catch (err) {
    throw usage(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  if (!isFile) throw usage(`${file} is not a file`);
  return { blob: await openAsBlob(file), name: path.basename(file) };
}
