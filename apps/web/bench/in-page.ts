/**
 * Runs in the labeling page before its own scripts (an init script, so plain JavaScript in
 * a string: the page cannot see this module's imports). `__bench.arm(id)` starts one
 * measurement for the assignment on screen; it lands in `__bench.result` once the next
 * item is on screen:
 * - pressedAt: the Enter keydown's `event.timeStamp` (when the browser received the key,
 *   so input delay counts);
 * - inDomAt: the MutationObserver callback that first sees a different `[data-assignment]`
 *   under `[data-phase="ready"]` (React commits an item in one go, so its content is there);
 * - paintedAt: the first animation frame after that, plus a message-channel task: the task
 *   runs right after the frame's style, layout and paint work, the usual stand-in for "next
 *   paint" (what web-vitals' and React's schedulers use);
 * - doubleRafAt: the second animation frame, the older stand-in, which runs a full frame
 *   later (printed for comparison);
 * - request: the Resource Timing entry of that assignment's judgment POST;
 * - chain: every request that started between the key press and the paint.
 * `__bench.chunks` lists every script chunk loaded so far.
 */
export const MEASURE_SCRIPT = `(() => {
  performance.setResourceTimingBufferSize(100000);
  const bench = { armed: false, pressedAt: null, result: null, chunks: [] };
  window.__bench = bench;
  // Every script chunk the page loads, kept apart from the entries arm() clears.
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const path = new URL(e.name).pathname;
      if (path.startsWith("/_next/static/chunks/") && path.endsWith(".js")) bench.chunks.push(path);
    }
  }).observe({ type: "resource", buffered: true });
  addEventListener("keydown", (event) => {
    if (bench.armed && event.key === "Enter" && bench.pressedAt === null) bench.pressedAt = event.timeStamp;
  }, true);
  const shownOtherThan = (previous) => {
    const item = document.querySelector('[data-phase="ready"] [data-assignment]');
    const id = item && item.getAttribute("data-assignment");
    return id && id !== previous ? id : null;
  };
  bench.arm = (previous) => {
    performance.clearResourceTimings();
    bench.pressedAt = null;
    bench.result = null;
    bench.armed = true;
    const observer = new MutationObserver(() => {
      const next = shownOtherThan(previous);
      if (!next || bench.pressedAt === null) return;
      observer.disconnect();
      bench.armed = false;
      const inDomAt = performance.now();
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          const paintedAt = performance.now();
          requestAnimationFrame(() => {
            const doubleRafAt = performance.now();
            const entries = performance.getEntriesByType("resource");
            const judgment = entries.filter((e) => e.name.includes("/assignments/" + previous + "/judgment"));
            const request = judgment[judgment.length - 1];
            bench.result = {
              next,
              pressedAt: bench.pressedAt,
              inDomAt,
              paintedAt,
              doubleRafAt,
              request: request ? { startTime: request.startTime, responseEnd: request.responseEnd } : null,
              attempts: judgment.length,
              chain: entries
                .filter((e) => e.startTime >= bench.pressedAt && e.startTime <= paintedAt)
                .map((e) => new URL(e.name).pathname),
            };
          });
        };
        channel.port2.postMessage(null);
      });
    });
    observer.observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ["data-assignment", "data-phase"],
    });
  };
})();`;

export type TMeasurement = {
  next: string;
  pressedAt: number;
  inDomAt: number;
  paintedAt: number;
  doubleRafAt: number;
  request: { startTime: number; responseEnd: number } | null;
  attempts: number;
  chain: string[];
};
