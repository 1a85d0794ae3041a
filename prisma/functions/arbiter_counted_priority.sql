CREATE OR REPLACE FUNCTION public.arbiter_counted_priority(p_priority integer, p_count integer, p_wanted integer, p_max integer)
 RETURNS integer
 LANGUAGE sql
 IMMUTABLE
AS $function$
  -- An item's lease priority once its count is p_count. A dynamic item (p_max set) that
  -- reached its wanted count but not its max waits, unleasable, for arbiter_decide_items:
  -- it goes to the end of the lease order, so the lease scan does not walk past every
  -- waiting item between two refits. The decision stores its priority again.
  SELECT CASE WHEN p_max IS NOT NULL AND p_count >= p_wanted AND p_count < p_max
              THEN -2147483648 ELSE p_priority END
$function$;
