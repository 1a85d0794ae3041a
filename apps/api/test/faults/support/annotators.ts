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

/**
 * Simulated annotators that lease and answer as fast as they can, and behave like the
 * labeling page: an answer that did not get a 201 is sent again with the same
 * Idempotency-Key until it does. Anything but 201, 204, 503 or a dropped connection is
 * recorded as a failure.
 */
export function runAnnotators(url: string, projectId: string, tokens: string[]) {
  let stopping = false;
  const acks: Ack[] = [];
  const failures: string[] = [];
  const unavailable: Answer[] = [];

  const retryable = (a: Answer) => {
    if (a.status === 503) unavailable.push(a);
    if (a.status === 503 || a.status === "network") return true;
    failures.push(`${a.status} ${JSON.stringify(a.body)}`);
    return false;
  };

  async function annotator(index: number, token: string) {
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
          { choice: "A" },
          key,
        );
        if (answer.status === 201) {
          const judgmentId = (answer.body as { judgment: { id: string } }).judgment.id;
          acks.push({ annotator: index, key, judgmentId, assignmentId });
          break;
        }
        if (!retryable(answer)) return;
        await pause(25);
      }
    }
  }

  const loops = tokens.map((t, i) => annotator(i, t));
  return {
    acks,
    failures,
    unavailable,
    stop: async () => {
      stopping = true;
      await Promise.all(loops);
    },
  };
}
