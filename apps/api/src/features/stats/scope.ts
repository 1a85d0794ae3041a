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

/**
 * Arena battles whose answers named their model, in projects that hide them (docs/arena.md):
 * the vote was not blind. The flag is written before the vote is possible. The project's mode
 * is read once, so other projects never scan their completions for it.
 */
export const HIDDEN_BATTLE_ITEMS = `
  SELECT ic.item_id FROM item_completions ic
    JOIN completions c ON c.id = ic.completion_id
    JOIN items i ON i.id = ic.item_id
   WHERE (SELECT p.mode FROM projects p WHERE p.id = $1) = 'ARENA'
     AND i.project_id = $1 AND c.metadata @> '{"screening": {"hidden": true}}'`;

/** The condition on a judgment `j`. */
export const VALID_JUDGMENT = `
  j.project_id = $1 AND j.superseded_at IS NULL
  AND j.item_id NOT IN (SELECT i.id FROM items i WHERE i.project_id = $1 AND i.is_gold)
  AND j.item_id NOT IN (${HIDDEN_BATTLE_ITEMS})
  AND j.annotator_id NOT IN (${EXCLUDED_ANNOTATORS})`;

/** The same as a CTE named `v`, with the order the options were shown in. */
export const VALID_JUDGMENTS = `
  v AS (
    SELECT j.id, j.item_id, j.annotator_id, j.choice, j.strength, j.ranking, j.aspects, a.shown_order
      FROM judgments j
      JOIN assignments a ON a.id = j.assignment_id
     WHERE ${VALID_JUDGMENT}
  )`;
