import type { TJoinBody } from "@arbiter/shared";

type Query = Record<string, string | string[] | undefined>;

/** MTurk shows the task in preview before a worker accepts it, with this placeholder id. */
export const MTURK_PREVIEW = "ASSIGNMENT_ID_NOT_AVAILABLE";

export type JoinRequest = { kind: "ok"; body: TJoinBody } | { kind: "preview" } | { kind: "missing" };

const first = (q: Query, key: string): string | undefined => {
  const v = q[key];
  const s = (Array.isArray(v) ? v[0] : v)?.trim();
  return s ? s : undefined;
};

/**
 * The participant's platform identity from the study link: Prolific appends
 * PROLIFIC_PID / STUDY_ID / SESSION_ID, MTurk workerId / assignmentId / hitId.
 */
export function joinRequestFrom(q: Query): JoinRequest {
  const prolific = first(q, "PROLIFIC_PID");
  if (prolific)
    return {
      kind: "ok",
      body: {
        platform: "prolific",
        participantId: prolific,
        studyId: first(q, "STUDY_ID"),
        sessionId: first(q, "SESSION_ID"),
      },
    };
  const assignmentId = first(q, "assignmentId");
  if (assignmentId === MTURK_PREVIEW) return { kind: "preview" };
  const worker = first(q, "workerId");
  if (worker)
    return {
      kind: "ok",
      body: { platform: "mturk", participantId: worker, studyId: first(q, "hitId"), sessionId: assignmentId },
    };
  return { kind: "missing" };
}
