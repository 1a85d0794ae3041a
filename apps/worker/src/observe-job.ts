import { DelayedError, type Processor, RateLimitError, WaitingChildrenError } from "bullmq";
import { jobDuration } from "./metrics";

// Thrown by a processor that put its job back to wait (see the generation processor).
const PUT_BACK = [DelayedError, RateLimitError, WaitingChildrenError];

/** Times every attempt of a queue's processor, by how it ended. */
export function observeJob(queue: string, process: Processor): Processor {
  return async (job, token, signal) => {
    const stop = jobDuration.startTimer({ queue });
    try {
      const result = await process(job, token, signal);
      stop({ outcome: "completed" });
      return result;
    } catch (err) {
      stop({ outcome: PUT_BACK.some((E) => err instanceof E) ? "delayed" : "failed" });
      throw err;
    }
  };
}
