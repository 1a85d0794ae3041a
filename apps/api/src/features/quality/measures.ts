import type { Db } from "@arbiter/db";
import type { TAnnotatorQuality, TQualityRules } from "@arbiter/shared";
import { notFound } from "../../lib/http-error";
import type { AuthUser } from "../../lib/principal";
import { binomialTestHalf, leaveOneOutAgreement, median } from "../../lib/stats";
import { qualityRulesOf } from "../projects/serialize";
import { annotatorIdentity } from "./annotator-identity";
import { selfConsistency } from "./self-consistency";

// Below this agreement with the others' majority (with enough items behind it) an annotator is flagged.
const LOW_AGREEMENT = 0.5;
const MIN_AGREEMENT_ITEMS = 10;
const MIN_GOLD_FOR_FLAG = 5;
const LOW_GOLD_ACCURACY = 0.6;
// Flags a position bias at p < 1 % for the whole crowd (Bonferroni over the annotators
// tested): at 1 % per annotator, one honest annotator in a hundred would be flagged.
const POSITION_FLAG_P = 0.01;

type Row = {
  user_id: string;
  name: string;
  email: string;
  status: TAnnotatorQuality["status"] | null;
  reason: string | null;
  judgments: number;
  days: number;
  gold_answered: number;
  gold_right: number;
  decisive: number;
  first_shown: number;
  ties: number;
  both_bad: number;
  pairwise: number;
  durations: number[] | null;
};

function flagsFor(
  q: Omit<TAnnotatorQuality, "flags">,
  rules: TQualityRules,
  positionFlagP: number,
): TAnnotatorQuality["flags"] {
  const flags: TAnnotatorQuality["flags"] = [];
  if (q.goldAccuracy !== null && q.goldAnswered >= MIN_GOLD_FOR_FLAG && q.goldAccuracy < LOW_GOLD_ACCURACY) {
    flags.push({
      kind: "low_gold_accuracy",
      detail: `${Math.round(q.goldAccuracy * 100)} % of ${q.goldAnswered} gold answers right`,
    });
  }
  if (q.positionP !== null && q.positionP < positionFlagP && q.firstShownShare !== null) {
    flags.push({
      kind: "position_bias",
      detail: `picked the first-shown option ${Math.round(q.firstShownShare * 100)} % of the time (p = ${q.positionP.toExponential(1)})`,
    });
  }
  if (q.fastShare !== null && q.fastShare > 0.5) {
    flags.push({
      kind: "too_fast",
      detail: `${Math.round(q.fastShare * 100)} % of answers under ${rules.fastSeconds} s`,
    });
  }
  if (q.agreement !== null && q.agreementItems >= MIN_AGREEMENT_ITEMS && q.agreement < LOW_AGREEMENT) {
    flags.push({
      kind: "low_agreement",
      detail: `agrees with the others' majority on ${Math.round(q.agreement * 100)} % of ${q.agreementItems} items`,
    });
  }
  return flags;
}

/** Per-annotator quality measures of a project, computed from its judgments. */
export async function projectQuality(
  db: Db,
  /** ARBITER_SECRET: keys the annotator pseudonyms. */
  secret: string,
  projectId: string,
  viewer: Pick<AuthUser, "role">,
): Promise<TAnnotatorQuality[]> {
  // Researchers know annotators by name and pseudonym (see annotatorIdentity).
  const identify = annotatorIdentity(secret, viewer);
  const project = await db.prisma.project.findUnique({ where: { id: projectId } });
  if (!project) throw notFound("Project");
  const rules = qualityRulesOf(project);
  const { rows } = await db.pool.query<Row>(
    `SELECT u.id AS user_id, u.name, u.email, s.status, s.reason,
            count(j.id)::int AS judgments,
            GREATEST(1, count(DISTINCT date_trunc('day', j.created_at)))::int AS days,
            count(j.gold_correct)::int AS gold_answered,
            count(*) FILTER (WHERE j.gold_correct)::int AS gold_right,
            count(*) FILTER (WHERE j.choice IN ('A', 'B'))::int AS decisive,
            count(*) FILTER (WHERE j.choice = 'A')::int AS first_shown,
            count(*) FILTER (WHERE j.choice = 'tie')::int AS ties,
            count(*) FILTER (WHERE j.choice = 'both_bad')::int AS both_bad,
            count(j.choice)::int AS pairwise,
            array_agg(j.duration_ms) FILTER (WHERE j.duration_ms IS NOT NULL) AS durations
       FROM judgments j
       JOIN users u ON u.id = j.annotator_id
       JOIN items i ON i.id = j.item_id
       LEFT JOIN annotator_states s ON s.project_id = j.project_id AND s.user_id = j.annotator_id
      WHERE j.project_id = $1 AND j.superseded_at IS NULL
      GROUP BY u.id, u.name, u.email, s.status, s.reason
      ORDER BY u.name`,
    [projectId],
  );
  const votes = await db.pool.query<{ item_id: string; annotator_id: string; winner: string }>(
    `SELECT j.item_id, j.annotator_id, j.ranking->0->>0 AS winner
       FROM judgments j JOIN items i ON i.id = j.item_id
      WHERE j.project_id = $1 AND j.superseded_at IS NULL AND NOT i.is_gold AND jsonb_array_length(j.ranking->0) = 1`,
    [projectId],
  );
  const agreement = leaveOneOutAgreement(
    votes.rows.map((v) => ({ itemId: v.item_id, annotatorId: v.annotator_id, winner: v.winner })),
  );
  const consistency = await selfConsistency(db, projectId);
  const positionFlagP = POSITION_FLAG_P / Math.max(1, rows.filter((r) => r.decisive > 0).length);
  return rows.map((r) => {
    const durations = r.durations ?? [];
    const mid = median(durations);
    const loo = agreement.get(r.user_id);
    const repeats = consistency.get(r.user_id);
    const q = {
      user: {
        id: r.user_id,
        name: r.name,
        ...identify({ id: r.user_id, email: r.email }),
      },
      status: r.status ?? "ADMITTED",
      reason: r.reason,
      judgments: r.judgments,
      perDay: r.judgments / r.days,
      goldAnswered: r.gold_answered,
      goldAccuracy: r.gold_answered ? r.gold_right / r.gold_answered : null,
      agreement: loo?.items ? loo.agreed / loo.items : null,
      agreementItems: loo?.items ?? 0,
      firstShownShare: r.decisive ? r.first_shown / r.decisive : null,
      positionP: r.decisive ? binomialTestHalf(r.first_shown, r.decisive) : null,
      tieRate: r.pairwise ? r.ties / r.pairwise : null,
      bothBadRate: r.pairwise ? r.both_bad / r.pairwise : null,
      medianSeconds: mid === null ? null : mid / 1000,
      fastShare: durations.length
        ? durations.filter((d) => d < rules.fastSeconds * 1000).length / durations.length
        : null,
      repeats: repeats?.repeats ?? 0,
      selfConsistency: repeats?.repeats ? repeats.consistent / repeats.repeats : null,
    } satisfies Omit<TAnnotatorQuality, "flags">;
    return { ...q, flags: flagsFor(q, rules, positionFlagP) };
  });
}
