import { phraseMatcher, type TArenaSettings } from "@arbiter/shared";
import type pg from "pg";
import { badRequest, HttpError } from "../../lib/http-error";

/** A user turn the project refuses before any model sees it: too long, or caught by moderation. */
export function checkUserTurn(settings: TArenaSettings, text: string): void {
  const { promptChars } = settings.limits;
  if (text.length > promptChars) {
    const message = `must be at most ${promptChars} characters`;
    throw badRequest(`body.prompt: ${message}`, [{ path: "body.prompt", message }]);
  }
  const matcher = phraseMatcher(settings.moderation.patterns);
  if (matcher?.test(text)) {
    throw new HttpError(
      422,
      "moderation_refused",
      "This prompt is not allowed in this project; write another one",
    );
  }
}

const tooMany = (code: string, message: string, retryAfterSeconds: number) =>
  new HttpError(429, code, message, undefined, { "retry-after": String(Math.max(1, retryAfterSeconds)) });

/**
 * The annotator's battle rate and daily cap, and the project's token budget. Runs inside the
 * transaction that creates the battle, after a lock on (project, annotator), so that battles
 * started at the same moment are counted one after the other.
 */
export async function checkBattleAllowance(
  client: pg.PoolClient,
  projectId: string,
  annotatorId: string,
  settings: TArenaSettings,
  { newBattle }: { newBattle: boolean },
): Promise<void> {
  await client.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [
    `arena:${projectId}:${annotatorId}`,
  ]);
  const { rows } = await client.query<{
    hour: number;
    day: number;
    hour_free_in: number | null;
    day_free_in: number | null;
    used: string;
  }>(
    `SELECT count(*) FILTER (WHERE b.annotator_id = $2 AND b.created_at > now() - interval '1 hour')::int AS hour,
            count(*) FILTER (WHERE b.annotator_id = $2 AND b.created_at > now() - interval '1 day')::int AS day,
            ceil(extract(epoch FROM min(b.created_at) FILTER (WHERE b.annotator_id = $2
                   AND b.created_at > now() - interval '1 hour') + interval '1 hour' - now()))::int AS hour_free_in,
            ceil(extract(epoch FROM min(b.created_at) FILTER (WHERE b.annotator_id = $2
                   AND b.created_at > now() - interval '1 day') + interval '1 day' - now()))::int AS day_free_in,
            COALESCE(sum(b.tokens_used), 0)::text AS used
       FROM battles b WHERE b.project_id = $1`,
    [projectId, annotatorId],
  );
  const row = rows[0]!;
  const { battlesPerHour, battlesPerDay, tokenBudget } = settings.limits;
  if (tokenBudget !== null && Number(row.used) >= tokenBudget) {
    throw tooMany(
      "budget_exhausted",
      "This project's token budget is used up; the researcher can raise it",
      3_600,
    );
  }
  if (!newBattle) return;
  if (row.day >= battlesPerDay) {
    throw tooMany(
      "daily_cap",
      `You have started ${battlesOf(battlesPerDay)} in the last 24 hours, the most this project allows`,
      row.day_free_in ?? 60,
    );
  }
  if (row.hour >= battlesPerHour) {
    throw tooMany(
      "rate_limited",
      `You have started ${battlesOf(battlesPerHour)} in the last hour, the most this project allows`,
      row.hour_free_in ?? 60,
    );
  }
}

const battlesOf = (n: number) => (n === 1 ? "1 battle" : `${n} battles`);
