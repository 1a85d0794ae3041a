import { randomUUID } from "node:crypto";

export type Ack = { annotator: number; key: string; judgmentId: string; assignmentId: string };
export type Answer = { status: number | "network"; body: unknown; retryAfter: string | null };

/** A POST with the annotator's API key, as the labeling page makes it; a dropped connection is an answer too. */
export async function post(
  url: string,
  token: string,
  path: string,
  body?: object,
  key?: string,
): Promise<Answer> {
  try {
    const res = await fetch(`${url}${path}`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${token}`,
        ...(body ? { "content-type": "application/json" } : {}),
        ...(key ? { "idempotency-key": key } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    return {
      status: res.status,
      body: text ? JSON.parse(text) : null,
      retryAfter: res.headers.get("retry-after"),
    };
  } catch {
    return { status: "network", body: null, retryAfter: null };
  }
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

export type AnnotatorOptions = {
  /**
   * Also send again on a 502 or 504: what a reverse proxy answers for a replica that died
   * with the request, which may or may not have been stored (the key makes that safe).
   */
  retryGatewayErrors?: boolean;
};

/**
 * Simulated annotators that lease and answer as fast as they can, and behave like the
 * labeling page: an answer that did not get a 201 is sent again with the same
 * Idempotency-Key until it does. Anything but 201, 204, 503 (502/504 if asked) or a dropped
 * connection is recorded as a failure. An annotator stops when the project has nothing left
 * for them (204), or when `stop` is called.
 */
export function runAnnotators(url: string, projectId: string, tokens: string[], opts: AnnotatorOptions = {}) {
  let stopping = false;
  const acks: Ack[] = [];
  const failures: string[] = [];
  const unavailable: Answer[] = [];
  const gatewayErrors: Answer[] = [];

  const retryable = (a: Answer) => {
    if (a.status === 503) unavailable.push(a);
    if (a.status === 503 || a.status === "network") return true;
    if (opts.retryGatewayErrors && (a.status === 502 || a.status === 504)) {
      gatewayErrors.push(a);
      return true;
    }
    failures.push(`${a.status} ${JSON.stringify(a.body)}`);
    return false;
  };

  async function annotator(index: number, token: string) {
    // Alternating sides: one side always would be quarantined as position bias after 30 answers.
    let side = 0;
    while (!stopping) {
      const lease = await post(url, token, `/api/v1/projects/${projectId}/assignments`);
      if (lease.status === 204) return;
      if (lease.status !== 201) {
        if (!retryable(lease)) return;
        await pause(25);
        continue;
      }
      const assignmentId = (lease.body as { assignment: { id: string } }).assignment.id;
      const key = randomUUID();
      // Once an answer is sent it is retried to the end, even while the test is stopping.
      for (;;) {
        const answer = await post(
          url,
          token,
          `/api/v1/assignments/${assignmentId}/judgment`,
          { choice: side % 2 ? "B" : "A" },
          key,
        );
        if (answer.status === 201) {
          const judgmentId = (answer.body as { judgment: { id: string } }).judgment.id;
          acks.push({ annotator: index, key, judgmentId, assignmentId });
          side += 1;
          break;
        }
        if (!retryable(answer)) return;
        await pause(25);
      }
    }
  }

  const loops = tokens.map((t, i) => annotator(i, t));
  let running = loops.length;
  for (const loop of loops) void loop.finally(() => (running -= 1));
  return {
    acks,
    failures,
    unavailable,
    gatewayErrors,
    /** Annotators still at work. */
    running: () => running,
    stop: async () => {
      stopping = true;
      await Promise.all(loops);
    },
  };
}
