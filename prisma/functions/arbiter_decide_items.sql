CREATE OR REPLACE FUNCTION public.arbiter_decide_items(p_items uuid[], p_confidence double precision[], p_priority integer[], p_more boolean[])
 RETURNS TABLE(item_id uuid, status "ItemStatus", judgments_wanted integer, judgments_count integer, confidence double precision, priority integer)
 LANGUAGE plpgsql
AS $function$
-- The worker's decisions on items of dynamic-overlap projects. Per item (NULL entries keep
-- what is stored): stores the confidence (posterior of the leading answer) and the lease
-- priority. An open dynamic item that has its wanted count is then decided:
--   complete  when its count reached judgments_max, or p_more is false, or (p_more NULL)
--             its confidence reached the project's overlap_target;
--   otherwise judgments_wanted rises to count + 1 (never lowered, never above the max).
-- Items below their wanted count, fixed-overlap items and closed items only get the stored
-- values. Idempotent: a repeated call finds the raised item below its wanted count. Rows are
-- locked in id order, as the judgment paths lock them, so a concurrent judgment either
-- counts before the decision (and is seen by it) or after it (against the new wanted).
-- Completion fires the usual triggers (project.completed webhook). An item waiting for its
-- decision stands at the end of the lease order (arbiter_counted_priority): a raised item
-- takes p_priority, or with NULL stays there.
#variable_conflict use_column
BEGIN
  PERFORM 1 FROM items i WHERE i.id = ANY (p_items) ORDER BY i.id FOR UPDATE;
  RETURN QUERY
    WITH d AS (
      SELECT DISTINCT ON (u.id) u.id, u.confidence, u.priority, u.more
        FROM unnest(p_items, p_confidence, p_priority, p_more) WITH ORDINALITY AS u(id, confidence, priority, more, n)
       ORDER BY u.id, u.n DESC),
    v AS (
      SELECT i.id, d.confidence, d.priority,
             i.status = 'OPEN' AND i.judgments_max IS NOT NULL AND i.judgments_count >= i.judgments_wanted AS due,
             i.judgments_count >= i.judgments_max OR d.more IS FALSE
               OR (d.more IS NULL AND COALESCE(d.confidence, i.confidence) >= p.overlap_target) AS enough
        FROM d JOIN items i ON i.id = d.id JOIN projects p ON p.id = i.project_id)
    UPDATE items i
       SET confidence = COALESCE(v.confidence, i.confidence),
           priority = COALESCE(v.priority, i.priority),
           status = CASE WHEN v.due AND v.enough THEN 'COMPLETE'::"ItemStatus" ELSE i.status END,
           completed_at = CASE WHEN v.due AND v.enough THEN now() ELSE i.completed_at END,
           judgments_wanted = CASE WHEN v.due AND NOT COALESCE(v.enough, false)
                                   THEN LEAST(GREATEST(i.judgments_wanted, i.judgments_count + 1), i.judgments_max)
                                   ELSE i.judgments_wanted END
      FROM v
     WHERE i.id = v.id
    RETURNING i.id, i.status, i.judgments_wanted, i.judgments_count, i.confidence, i.priority;
END;
$function$;
