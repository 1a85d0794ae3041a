/** What a wait watches besides its condition: a process whose death ends the wait early. */
export type TWatched = { name?: string; output: () => string; exited: Promise<unknown> };

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Polls until `condition` holds. Gives up after `timeoutMs`, or at once when the watched
 * process exits, with an error naming what it waited for and carrying the process's output:
 * a test that fails here shows why the process never got there.
 */
export async function waitFor(
  condition: () => Promise<boolean> | boolean,
  opts: { what: string; timeoutMs?: number; intervalMs?: number; process?: TWatched },
): Promise<void> {
  let dead = false;
  void opts.process?.exited.then(() => {
    dead = true;
  });
  const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
  for (;;) {
    if (await condition()) return;
    if (dead || Date.now() > deadline) {
      const who = opts.process?.name ? ` ${opts.process.name}` : "";
      const output = opts.process
        ? `\n--- output of${who || " the process"} ---\n${opts.process.output()}`
        : "";
      throw new Error(
        `gave up waiting for ${opts.what}${dead ? ` (process${who} exited)` : ` after ${opts.timeoutMs ?? 60_000} ms`}${output}`,
      );
    }
    await sleep(opts.intervalMs ?? 50);
  }
}

/**
 * Polls a URL until it answers with a status `accept` likes (by default anything below 500:
 * a page that redirects or asks to sign in is up). Redirects are not followed.
 */
export async function waitForHttp(
  url: string,
  opts: {
    process?: TWatched;
    timeoutMs?: number;
    accept?: (status: number) => boolean;
  } = {},
): Promise<void> {
  const accept = opts.accept ?? ((status: number) => status < 500);
  await waitFor(
    async () => {
      try {
        const res = await fetch(url, { redirect: "manual" });
        await res.body?.cancel();
        return accept(res.status);
      } catch {
        // Not listening yet.
        return false;
      }
    },
    {
      what: `${url} to answer`,
      timeoutMs: opts.timeoutMs ?? 60_000,
      intervalMs: 100,
      ...(opts.process ? { process: opts.process } : {}),
    },
  );
}
