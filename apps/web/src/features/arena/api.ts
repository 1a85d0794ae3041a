import type { TBattle, TBattleVoteBody } from "@arbiter/shared";
import { browserApi, call } from "@/lib/api-client";
import { ApiError } from "@/lib/api-error";

/** An ApiError that also says when to try again (a 429's Retry-After, in seconds). */
export class ArenaError extends ApiError {
  constructor(
    error: ApiError,
    readonly retryAfterSeconds: number | null,
  ) {
    super(error.status, error.code, error.message, error.details);
  }
}

type Result<T> = { data?: T; error?: unknown; response: Response };

/** `call`, keeping the Retry-After of a refused request: the page counts down to it. */
async function arenaCall<T>(pending: Promise<Result<T>>): Promise<T> {
  const result = await pending;
  try {
    return await call(Promise.resolve(result));
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    const retryAfter = Number(result.response.headers.get("retry-after"));
    throw new ArenaError(err, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null);
  }
}

/** A new battle; `prompt` is left out when the project draws prompts from its prompt set. */
export async function startBattle(projectId: string, prompt: string | null): Promise<TBattle> {
  const res = await arenaCall(
    browserApi.POST("/api/v1/projects/{id}/battles", {
      params: { path: { id: projectId } },
      body: prompt === null ? {} : { prompt },
    }),
  );
  return res.battle;
}

export async function fetchBattle(battleId: string): Promise<TBattle> {
  const res = await arenaCall(browserApi.GET("/api/v1/battles/{id}", { params: { path: { id: battleId } } }));
  return res.battle;
}

/** The next user message, after the vote on the last turn. */
export async function continueBattle(battleId: string, prompt: string): Promise<TBattle> {
  const res = await arenaCall(
    browserApi.POST("/api/v1/battles/{id}/turns", { params: { path: { id: battleId } }, body: { prompt } }),
  );
  return res.battle;
}

/**
 * The vote on the conversation so far. Safe to repeat with the same key; repeating it with
 * `end: true` ends the battle after a vote already cast (and reveals, where the project does).
 */
export async function voteBattle(
  battleId: string,
  idempotencyKey: string,
  body: Pick<TBattleVoteBody, "choice" | "strength" | "rationale" | "durationMs" | "end">,
): Promise<TBattle> {
  const res = await arenaCall(
    browserApi.POST("/api/v1/battles/{id}/vote", {
      params: { path: { id: battleId }, header: { "idempotency-key": idempotencyKey } },
      body,
    }),
  );
  return res.battle;
}

/** The battle's Server-Sent Events, through the same-origin proxy (the session cookie goes along). */
export function battleEventsUrl(battleId: string): string {
  return `/api/v1/battles/${encodeURIComponent(battleId)}/events`;
}
