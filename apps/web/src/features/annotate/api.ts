import type { TAssignment, TJudgmentBody, TProgress } from "@arbiter/shared";
import { browserApi, call } from "@/lib/api-client";

/** The held assignment or a new lease; null when nothing is left for this annotator (204). */
export async function leaseAssignment(projectId: string): Promise<TAssignment | null> {
  const res = await call(
    browserApi.POST("/api/v1/projects/{id}/assignments", { params: { path: { id: projectId } } }),
  );
  return res?.assignment ?? null;
}

/** Safe to repeat: the API stores one judgment per Idempotency-Key. */
export function submitJudgment(assignmentId: string, idempotencyKey: string, body: TJudgmentBody) {
  return call(
    browserApi.POST("/api/v1/assignments/{id}/judgment", {
      params: { path: { id: assignmentId }, header: { "idempotency-key": idempotencyKey } },
      body,
    }),
  );
}

export async function skipAssignment(assignmentId: string): Promise<TAssignment | null> {
  const res = await call(
    browserApi.POST("/api/v1/assignments/{id}/skip", { params: { path: { id: assignmentId } }, body: {} }),
  );
  return res.next;
}

export async function undoJudgment(judgmentId: string): Promise<TAssignment> {
  const res = await call(
    browserApi.POST("/api/v1/judgments/{id}/undo", { params: { path: { id: judgmentId } } }),
  );
  return res.assignment;
}

export async function fetchProgress(projectId: string): Promise<TProgress> {
  const res = await call(browserApi.GET("/api/v1/me/progress", { params: { query: { projectId } } }));
  return res.progress;
}

export { newIdempotencyKey } from "@/lib/idempotency-key";
