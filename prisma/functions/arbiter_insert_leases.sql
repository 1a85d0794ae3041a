CREATE OR REPLACE FUNCTION public.arbiter_insert_leases(p_project uuid, p_items uuid[], p_users uuid[], p_lease_seconds integer, p_repeat boolean)
 RETURNS TABLE(usr uuid, id uuid)
 LANGUAGE sql
AS $function$
  -- The one place a lease is written: item i of p_items to user i of p_users. An expired
  -- lease of the same item and annotator is renewed; a live one, or an answered one, is left
  -- alone and that pair returns nothing.
  -- Counterbalancing: the first shown option is the completion shown first least often
  -- among the item's ordinary assignments so far (random among equals), the others follow
  -- in random order. Several leases of one item in one call fill the least-shown first
  -- positions in turn (slot k of a completion shown c times stands at level c + k). The
  -- callers hold the item's row lock, so the counts read here include every committed lease.
  -- A repeat (p_repeat) shows the annotator's first assignment of the item in reverse.
  WITH x AS (
    SELECT u.item, u.usr, row_number() OVER (PARTITION BY u.item ORDER BY u.n) AS k
      FROM unnest(p_items, p_users) WITH ORDINALITY AS u(item, usr, n)),
  -- (Slots by a join with x rather than generate_series: the planner's 1000-row guess for
  -- the latter priced the statement past jit_above_cost, and JIT compiling cost seconds.)
  firsts AS (
    SELECT s.item, s.completion_id,
           row_number() OVER (PARTITION BY s.item ORDER BY s.shown + x.k, random()) AS k
      FROM (SELECT ic.item_id AS item, ic.completion_id,
                   (SELECT count(*) FROM assignments a
                     WHERE a.item_id = ic.item_id AND NOT a.is_repeat AND a.shown_order[1] = ic.completion_id) AS shown
              FROM item_completions ic
             WHERE ic.item_id = ANY (p_items) AND NOT p_repeat) AS s
      JOIN x ON x.item = s.item)
  INSERT INTO assignments AS t (item_id, project_id, annotator_id, status, shown_order, expires_at, is_repeat)
  SELECT x.item, p_project, x.usr, 'ACTIVE',
         CASE WHEN p_repeat
              THEN (SELECT array_agg(o.id ORDER BY o.n DESC)
                      FROM assignments f, unnest(f.shown_order) WITH ORDINALITY AS o(id, n)
                     WHERE f.item_id = x.item AND f.annotator_id = x.usr AND NOT f.is_repeat)
              ELSE ARRAY[f.completion_id]
                   || (SELECT array_agg(ic.completion_id ORDER BY random()) FROM item_completions ic
                        WHERE ic.item_id = x.item AND ic.completion_id <> f.completion_id)
         END,
         now() + make_interval(secs => p_lease_seconds), p_repeat
    FROM x LEFT JOIN firsts f ON f.item = x.item AND f.k = x.k
  ON CONFLICT (item_id, annotator_id, is_repeat) DO UPDATE
     SET shown_order = EXCLUDED.shown_order, expires_at = EXCLUDED.expires_at, created_at = now()
   WHERE t.status = 'ACTIVE' AND t.expires_at <= now()
  RETURNING t.annotator_id, t.id
$function$;
