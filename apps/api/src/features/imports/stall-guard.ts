import type { IncomingMessage } from "node:http";
import { HttpError } from "../../lib/http-error";

export type StallGuard = {
  /** Rejects with the 408 once the client has stalled (never resolves). */
  stalled: Promise<never>;
  /** The 408, once the client has stalled. */
  error: () => HttpError | null;
  /** Called once, when the client stalls: the upload's reader is ended with the error. */
  onStall: (fn: (err: HttpError) => void) => void;
  stop: () => void;
};

/**
 * Watches an upload's request body for a client that stops sending. A multipart body that
 * ends mid-part never ends its file stream, so without this the import would hold its request,
 * a database connection and a transaction until the client went away. When `ms` pass with no
 * byte read, the upload fails with a 408 that closes the connection.
 *
 * Time spent waiting on the server's side does not count: while the body is paused (the import
 * is busy writing a batch and the stream is applying backpressure) the clock is restarted.
 * Start it only once the body is being consumed (after request.file()): listening for 'data'
 * before then would start the stream flowing with nobody to read it.
 */
export function watchForStall(raw: IncomingMessage, ms: number): StallGuard {
  let error: HttpError | null = null;
  let rejectStalled: (err: HttpError) => void = () => {};
  const stalled = new Promise<never>((_, reject) => {
    rejectStalled = reject;
  });
  // Nobody may be racing it when it fires.
  stalled.catch(() => {});
  let listener: ((err: HttpError) => void) | null = null;

  const timer = setTimeout(() => {
    if (raw.complete) return;
    if (raw.readableFlowing === false) {
      timer.refresh();
      return;
    }
    error = new HttpError(
      408,
      "upload_stalled",
      `The upload stopped arriving: nothing was received for ${ms / 1000} s before the end of the file. Nothing was imported; send the file again.`,
      undefined,
      { connection: "close" },
    );
    rejectStalled(error);
    listener?.(error);
  }, ms);
  const onData = () => timer.refresh();
  raw.on("data", onData);

  return {
    stalled,
    error: () => error,
    onStall: (fn) => {
      listener = fn;
      if (error) fn(error);
    },
    stop: () => {
      clearTimeout(timer);
      raw.off("data", onData);
    },
  };
}
