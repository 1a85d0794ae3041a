import type { Db } from "@arbiter/db";
import { OPTION_KEYS, type TItemDetail } from "@arbiter/shared";
import { notFound } from "../../lib/http-error";
import type { AuthUser } from "../../lib/principal";
import { projectStanding } from "../projects/access";
import { annotatorIdentity } from "../quality/annotator-identity";
import { canonicalAnswer, canonicalGold } from "./canonical-answer";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Everything about one item of the project for staff; 404 when it is not the project's. */
export async function readItemDetail(
  db: Db,
  secret: string,
  viewer: Pick<AuthUser, "id" | "role">,
  projectId: string,
  itemId: string,
): Promise<TItemDetail> {
  const { rows } = await db.pool.query(
    `SELECT i.id, i.status, i.is_gold, i.gold_answer, i.judgments_wanted, i.judgments_count, i.priority,
            i.created_at, i.completed_at, pr.task_type,
            p.id AS prompt_id, p.external_id, p.text, p.messages
       FROM items i
       JOIN prompts p ON p.id = i.prompt_id
       JOIN projects pr ON pr.id = i.project_id
      WHERE i.id = $1 AND i.project_id = $2`,
    [itemId, projectId],
  );
  const item = rows[0];
  if (!item) throw notFound("Item");
  const [completions, judgments, standing] = await Promise.all([
    db.pool.query(
      `SELECT c.id, ic.position, c.model, c.source, g.name AS generator_name, c.text
         FROM item_completions ic
         JOIN completions c ON c.id = ic.completion_id
         LEFT JOIN generators g ON g.id = c.generator_id
        WHERE ic.item_id = $1
        ORDER BY ic.position`,
      [itemId],
    ),
    db.pool.query(
      `SELECT j.id, j.annotator_id, u.email, COALESCE(s.status, 'ADMITTED') AS annotator_status,
              j.choice, j.ranking, j.strength, j.aspects, j.rationale, j.flags, j.duration_ms, j.counted,
              j.late, j.superseded_at, j.gold_correct, j.created_at, a.shown_order
         FROM judgments j
         JOIN assignments a ON a.id = j.assignment_id
         JOIN users u ON u.id = j.annotator_id
         LEFT JOIN annotator_states s ON s.project_id = j.project_id AND s.user_id = j.annotator_id
        WHERE j.item_id = $1
        ORDER BY j.created_at, j.id`,
      [itemId],
    ),
    projectStanding(db, viewer, projectId),
  ]);
  const positionOf = new Map<string, number>(completions.rows.map((c) => [c.id, c.position]));
  const identify = annotatorIdentity(secret, viewer);
  return {
    id: item.id,
    status: item.status,
    isGold: item.is_gold,
    goldAnswer:
      item.is_gold && item.gold_answer ? canonicalGold(item.gold_answer, positionOf, item.task_type) : null,
    judgmentsWanted: item.judgments_wanted,
    judgmentsCount: item.judgments_count,
    priority: item.priority,
    createdAt: item.created_at.toISOString(),
    completedAt: iso(item.completed_at),
    taskType: item.task_type === "RANKING" ? "ranking" : "pairwise",
    prompt: { id: item.prompt_id, externalId: item.external_id, text: item.text, messages: item.messages },
    completions: completions.rows.map((c) => ({
      id: c.id,
      position: c.position,
      model: c.model,
      source: c.source,
      generatorName: c.generator_name,
      text: c.text,
    })),
    judgments: judgments.rows.map((j) => {
      const shown: number[] = (j.shown_order as string[]).map((id) => positionOf.get(id) ?? -1);
      // Ratings are stored per shown key (A = the first completion shown).
      const aspects = Object.entries((j.aspects ?? {}) as Record<string, Record<string, number>>)
        .map(([key, ratings]) => ({
          position: shown[OPTION_KEYS.indexOf(key as (typeof OPTION_KEYS)[number])] ?? -1,
          ratings,
        }))
        .sort((a, b) => a.position - b.position);
      return {
        id: j.id,
        annotator: { ...identify({ id: j.annotator_id, email: j.email }), status: j.annotator_status },
        answer: canonicalAnswer(j, positionOf, item.task_type),
        shownOrder: shown,
        strength: j.strength,
        aspects,
        rationale: j.rationale,
        flags: j.flags ?? [],
        durationMs: j.duration_ms,
        counted: j.counted,
        late: j.late,
        superseded: j.superseded_at !== null,
        goldCorrect: j.gold_correct,
        createdAt: j.created_at.toISOString(),
      };
    }),
    canEdit: standing !== null && standing !== "VIEWER",
  };
}
