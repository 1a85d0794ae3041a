CREATE OR REPLACE FUNCTION public.arbiter_insert_leases(p_project uuid, p_items uuid[], p_users uuid[], p_lease_seconds integer)
 RETURNS TABLE(usr uuid, id uuid)
 LANGUAGE sql
AS $function$
  -- The one place a lease is written: item i of p_items to user i of p_users, options in a
  -- fresh random order. An expired lease of the same item and annotator is renewed; a live
  -- one, or an answered one, is left alone and that pair returns nothing.
  INSERT INTO assignments AS t (item_id, project_id, annotator_id, status, shown_order, expires_at)
  SELECT x.item, p_project, x.usr, 'ACTIVE',
         (SELECT array_agg(ic.completion_id ORDER BY random()) FROM item_completions ic WHERE ic.item_id = x.item),
         now() + make_interval(secs => p_lease_seconds)
    FROM unnest(p_items, p_users) AS x(item, usr)
  ON CONFLICT (item_id, annotator_id) DO UPDATE
     SET shown_order = EXCLUDED.shown_order, expires_at = EXCLUDED.expires_at, created_at = now()
   WHERE t.status = 'ACTIVE' AND t.expires_at <= now()
  RETURNING t.annotator_id, t.id
$function$;
