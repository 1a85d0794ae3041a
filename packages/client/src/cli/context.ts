import type { Readable } from "node:stream";
import { type Arbiter, createArbiter } from "../create-arbiter";
import { CliError } from "./cli-error";
import { configDir, readConfig } from "./config";
import { EXIT } from "./exit-codes";
import { VERSION } from "./version";

/** The process's streams and environment; main.ts is the only file that touches `process`. */
export type Io = {
  env: NodeJS.ProcessEnv;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  stdin: Readable & { isTTY?: boolean };
};

/** One command's run: where it writes, whether as JSON, and the API it talks to. */
export class Ctx {
  constructor(
    readonly io: Io,
    /** --json: stdout carries one JSON document (or NDJSON events) and nothing else. */
    readonly json: boolean,
  ) {}

  get configDir(): string {
    return configDir(this.io.env);
  }

  /** ARBITER_URL / ARBITER_API_KEY, else what `arbiter login` stored. */
  async credentials(): Promise<{ url: string; apiKey: string }> {
    const stored = await readConfig(this.configDir);
    const url = (this.io.env.ARBITER_URL || stored.url)?.replace(/\/+$/, "");
    const apiKey = this.io.env.ARBITER_API_KEY || stored.apiKey;
    if (!url || !apiKey)
      throw new CliError(
        EXIT.AUTH,
        "not signed in: run `arbiter login --url URL` (or set ARBITER_URL and ARBITER_API_KEY)",
        "not_signed_in",
      );
    return { url, apiKey };
  }

  async client(): Promise<Arbiter> {
    const { url, apiKey } = await this.credentials();
    return createArbiter({ baseUrl: url, apiKey, headers: { "user-agent": `arbiter-cli/${VERSION}` } });
  }

  /** The command's result: `doc` as JSON with --json, else the human lines. */
  result(doc: unknown, human: () => string | string[]): void {
    if (this.json) this.io.stdout.write(`${JSON.stringify(doc)}\n`);
    else {
      const text = human();
      const lines = Array.isArray(text) ? text : [text];
      if (lines.length) this.io.stdout.write(`${lines.join("\n")}\n`);
    }
  }

  /**
   * The end of a command that may have followed a job: with --json, a "done" event closing
   * the progress events (`followed`) or the one result document.
   */
  outcome(followed: boolean, doc: Record<string, unknown>, human: () => string | string[]): void {
    this.result(followed && this.json ? { event: "done", ...doc } : doc, human);
  }

  /** One NDJSON event of a long operation (--json only). */
  event(doc: Record<string, unknown>): void {
    if (this.json) this.io.stdout.write(`${JSON.stringify(doc)}\n`);
  }

  /** A remark for the person at the terminal, on stderr; --json output stays machine-only. */
  note(text: string): void {
    if (!this.json) this.io.stderr.write(`${text}\n`);
  }
}
