/**
 * The worker process's requests in flight (GENERATION_CONCURRENCY), as an in-process
 * semaphore served in arrival order. A job holds a slot only while it makes requests, so
 * its database work before and after (and BullMQ's hand-over to the next job) runs beside
 * other jobs' requests instead of leaving a slot idle.
 */
export function createRequestSlots(size: number) {
  let free = size;
  const waiting: (() => void)[] = [];
  return {
    take: async (): Promise<void> => {
      if (free > 0) {
        free -= 1;
        return;
      }
      await new Promise<void>((resolve) => waiting.push(resolve));
    },
    /** Free slots that nobody waits for: a job may open another lane without delaying any other. */
    idle: (): boolean => free > 0 && waiting.length === 0,
    give: (): void => {
      const next = waiting.shift();
      if (next) next();
      else free += 1;
    },
  };
}

export type RequestSlots = ReturnType<typeof createRequestSlots>;
