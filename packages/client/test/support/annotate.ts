import { createArbiter, unwrap } from "../../src";
import type { RunningApi } from "./api-process";

/**
 * Signs an annotator in and answers "A" (whichever completion their shuffled order put first)
 * on every item the project leases them, until it has none left for them. Returns how many.
 */
export async function answerEverything(
  api: RunningApi,
  annotator: { email: string; password: string },
  projectId: string,
): Promise<number> {
  const client = createArbiter({
    baseUrl: api.baseUrl,
    cookie: await api.signIn(annotator.email, annotator.password),
  });
  let answered = 0;
  let next = (await client.POST("/api/v1/projects/{id}/assignments", { params: { path: { id: projectId } } }))
    .data?.assignment;
  while (next) {
    const res = unwrap(
      await client.POST("/api/v1/assignments/{id}/judgment", {
        params: { path: { id: next.id } },
        body: { choice: "A" },
      }),
    );
    answered += 1;
    next = res.next ?? undefined;
  }
  return answered;
}
