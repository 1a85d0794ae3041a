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

/** A v4 UUID; crypto.randomUUID exists only in secure contexts (https or localhost). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
