import { createHash } from "node:crypto";
import { readPrivateJson, writePrivateJson } from "./config";

/** A long job this machine started or joined and has not yet seen through to its end. */
export type JobEntry = { kind: "generation-run" | "export"; id: string; projectId: string; since: string };

const STATE_FILE = "jobs.json";

/**
 * Remembers unfinished jobs by what was asked (API, project, options), so that running the same
 * command again after an interruption joins the job instead of starting a second one.
 */
export class JobState {
  constructor(private readonly dir: string) {}

  /** The key of a request: the same API, project and options give the same key. */
  static key(baseUrl: string, kind: JobEntry["kind"], projectId: string, options: unknown): string {
    return createHash("sha256")
      .update(JSON.stringify([baseUrl, kind, projectId, canonical(options)]))
      .digest("hex");
  }

  async get(key: string): Promise<JobEntry | undefined> {
    return (await this.read())[key];
  }

  async set(key: string, entry: JobEntry): Promise<void> {
    await writePrivateJson(this.dir, STATE_FILE, { ...(await this.read()), [key]: entry });
  }

  async delete(key: string): Promise<void> {
    const all = await this.read();
    if (!(key in all)) return;
    delete all[key];
    await writePrivateJson(this.dir, STATE_FILE, all);
  }

  private async read(): Promise<Record<string, JobEntry>> {
    return (await readPrivateJson<Record<string, JobEntry>>(this.dir, STATE_FILE)) ?? {};
  }
}

/** Objects with their keys sorted, so that the order flags were given in does not matter. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => [k, canonical(v)]),
    );
  return value;
}
