import type {
  TAssignment,
  TAssignmentResponse,
  TJudgmentBody,
  TJudgmentResponse,
  TNextResponse,
  TProgress,
  TProgressResponse,
} from "@arbiter/shared";
import { api } from "@/lib/api-client";

/** The held assignment or a new lease; null when nothing is left for this annotator (204). */
export async function leaseAssignment(projectId: string): Promise<TAssignment | null> {
  const res = await api<TAssignmentResponse | null>(`/projects/${projectId}/assignments`, {
    method: "POST",
  });
  return res?.assignment ?? null;
}

/** Safe to repeat: the API stores one judgment per Idempotency-Key. */
export function submitJudgment(assignmentId: string, idempotencyKey: string, body: TJudgmentBody) {
  return api<TJudgmentResponse>(`/assignments/${assignmentId}/judgment`, {
    method: "POST",
    headers: { "idempotency-key": idempotencyKey },
    body,
  });
}

export async function skipAssignment(assignmentId: string): Promise<TAssignment | null> {
  const res = await api<TNextResponse>(`/assignments/${assignmentId}/skip`, { method: "POST", body: {} });
  return res.next;
}

export async function undoJudgment(judgmentId: string): Promise<TAssignment> {
  const res = await api<TAssignmentResponse>(`/judgments/${judgmentId}/undo`, { method: "POST" });
  return res.assignment;
}

export async function fetchProgress(projectId: string): Promise<TProgress> {
  const res = await api<TProgressResponse>(`/me/progress?projectId=${projectId}`);
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
