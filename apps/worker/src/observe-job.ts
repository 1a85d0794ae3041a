import { runInJobTrace } from "@arbiter/observability";
import { DelayedError, type Processor, RateLimitError, WaitingChildrenError } from "bullmq";
import { jobDuration } from "./metrics";

// Thrown by a processor that put its job back to wait (see the generation processor).
const PUT_BACK = [DelayedError, RateLimitError, WaitingChildrenError];
const putBack = (err: unknown) => PUT_BACK.some((E) => err instanceof E);

/**
 * Times every attempt of a queue's processor, by how it ended, and runs it in a span of the
 * trace that enqueued the job (a no-op without tracing).
 */
export function observeJob(queue: string, process: Processor): Processor {
  return (job, token, signal) =>
    runInJobTrace(
      queue,
      job,
      async () => {
        const stop = jobDuration.startTimer({ queue });
        try {
          const result = await process(job, token, signal);
          stop({ outcome: "completed" });
          return result;
        } catch (err) {
          stop({ outcome: putBack(err) ? "delayed" : "failed" });
          throw err;
        }
      },
      putBack,
    );
}
