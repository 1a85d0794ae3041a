import cliProgress from "cli-progress";
import type { Ctx } from "./context";

/** A reading of a long operation: how far (`value` of `total`) and a short summary. */
export type ProgressView = { value: number; total: number; text: string };

export type Progress = {
  /** `event` is the NDJSON progress event's payload (--json); the view feeds the bar or line. */
  update(view: ProgressView, event: Record<string, unknown>): void;
  stop(): void;
};

/** Without a terminal, a plain line at most this often (and on the last reading). */
const PLAIN_EVERY_MS = 2_000;

/**
 * Progress on the channel that suits the reader: NDJSON events on stdout for --json, a live
 * bar on stderr when stderr is a terminal, otherwise plain lines on stderr now and then (a
 * CI log must not fill with redraws).
 */
export function createProgress(ctx: Ctx, label: string, options: { eventEveryMs?: number } = {}): Progress {
  if (ctx.json) {
    // Byte counts change with every chunk: events at most this often, and the last one.
    let lastAt = 0;
    return {
      update(view, event) {
        const now = Date.now();
        if (options.eventEveryMs && now - lastAt < options.eventEveryMs && view.value < view.total) return;
        lastAt = now;
        ctx.event({ event: "progress", ...event });
      },
      stop: () => undefined,
    };
  }
  const stderr = ctx.io.stderr;
  if (stderr.isTTY) return barProgress(stderr as NodeJS.WriteStream, label);

  let lastAt = 0;
  let lastText = "";
  let pending: string | undefined;
  return {
    update(view) {
      const line = `${label}: ${view.text}`;
      if (line === lastText) return;
      pending = line;
      if (Date.now() - lastAt < PLAIN_EVERY_MS && view.value < view.total) return;
      stderr.write(`${line}\n`);
      lastAt = Date.now();
      lastText = line;
      pending = undefined;
    },
    stop() {
      if (pending) stderr.write(`${pending}\n`);
      pending = undefined;
    },
  };
}

function barProgress(stream: NodeJS.WriteStream, label: string): Progress {
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: `${label} [{bar}] {percentage}% | {text}`,
      // A hidden cursor would stay hidden after Ctrl-C.
      hideCursor: false,
      clearOnComplete: false,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(view) {
      const total = Math.max(1, view.total);
      if (!started) {
        bar.start(total, view.value, { text: view.text });
        started = true;
        return;
      }
      bar.setTotal(total);
      bar.update(view.value, { text: view.text });
    },
    stop() {
      if (started) bar.stop();
      started = false;
    },
  };
}
