/**
 * The judgments that statistics are computed from, over the project $1: current answers
 * (not superseded) to non-gold items, from annotators who are not quarantined, rejected
 * or suspended. Gold answers measure the annotators, not the models, and excluded
 * annotators were excluded for answering carelessly.
 */
export const EXCLUDED_ANNOTATORS = `
  SELECT s.user_id FROM annotator_states s
   WHERE s.project_id = $1 AND s.status IN ('QUARANTINED', 'REJECTED')
  UNION
  SELECT u.id FROM users u WHERE u.status = 'SUSPENDED'`;

/** The condition on a judgment `j`. */
export const VALID_JUDGMENT = `
  j.project_id = $1 AND j.superseded_at IS NULL
  AND j.item_id NOT IN (SELECT i.id FROM items i WHERE i.project_id = $1 AND i.is_gold)
  AND j.annotator_id NOT IN (${EXCLUDED_ANNOTATORS})`;

/** The same as a CTE named `v`, with the order the options were shown in. */
export const VALID_JUDGMENTS = `
  v AS (
    SELECT j.id, j.item_id, j.annotator_id, j.choice, j.strength, j.ranking, j.aspects, a.shown_order
      FROM judgments j
      JOIN assignments a ON a.id = j.assignment_id
     WHERE ${VALID_JUDGMENT}
  )`;
