import { ArbiterError } from "../errors";
import type { JobEntry, JobState } from "./job-state";

export const FINISHED = new Set(["SUCCEEDED", "FAILED", "CANCELLED"]);

/**
 * The job to follow: the one the same request started before and has not been seen to the
 * end (an interrupted --wait, a run started without --wait), else a new one. The entry is
 * written before anything else happens, so that even a kill right after the start is resumed.
 */
export async function joinOrStart<T extends { id: string }>(options: {
  state: JobState;
  key: string;
  entry: Omit<JobEntry, "id" | "since">;
  /** --new: start another even if one is unfinished. */
  fresh: boolean;
  read: (id: string) => Promise<T>;
  start: () => Promise<T>;
}): Promise<{ job: T; joined: boolean }> {
  const { state, key } = options;
  const known = options.fresh ? undefined : await state.get(key);
  if (known) {
    try {
      return { job: await options.read(known.id), joined: true };
    } catch (err) {
      // Deleted meanwhile (or another installation behind the same URL): start afresh.
      if (!(err instanceof ArbiterError && err.status === 404)) throw err;
    }
  }
  const job = await options.start();
  await state.set(key, { ...options.entry, id: job.id, since: new Date().toISOString() });
  return { job, joined: false };
}
