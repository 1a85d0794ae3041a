CREATE OR REPLACE FUNCTION public.arbiter_lease_many(p_project uuid, p_annotators uuid[], p_lease_seconds integer)
 RETURNS TABLE(annotator_id uuid, assignment_id uuid)
 LANGUAGE plpgsql
AS $function$
#variable_conflict use_column
DECLARE
  v_gold_rate double precision;
  v_plain uuid[] := '{}';
  v_rest uuid[] := '{}';
  v_draws boolean[] := '{}';
  v_repeat_share double precision;
  v_repeats boolean[] := '{}';
  v_cand uuid[];
  v_more uuid[];
  v_wait uuid[];
  v_left uuid[];
  v_free integer[];
  v_seen text[];
  v_items uuid[] := '{}';
  v_users uuid[] := '{}';
  v_start integer := 1;
  v_pick integer;
  v_got uuid[];
  v_ids uuid[];
  v_busy uuid[];
  r record;
BEGIN
  SELECT gold_rate, repeat_share INTO v_gold_rate, v_repeat_share FROM projects WHERE id = p_project;
  SELECT array_agg(a.annotator_id) INTO v_busy FROM assignments a
   WHERE a.annotator_id = ANY (p_annotators) AND a.project_id = p_project
     AND a.status = 'ACTIVE' AND a.expires_at > now();
  FOR r IN
    SELECT u.id, s.status, u.id = ANY (COALESCE(v_busy, '{}')) AS busy
      FROM unnest(p_annotators) AS u(id)
      LEFT JOIN (SELECT st.user_id, st.status FROM annotator_states st
                  WHERE st.project_id = p_project AND st.user_id = ANY (p_annotators)) AS s ON s.user_id = u.id
  LOOP
    IF r.status = 'ADMITTED' AND NOT r.busy THEN
      IF v_gold_rate > 0 AND random() < v_gold_rate THEN
        v_rest := v_rest || r.id;
        v_draws := v_draws || true;
        v_repeats := v_repeats || false;
      ELSIF v_repeat_share > 0 AND random() < v_repeat_share THEN
        v_rest := v_rest || r.id;
        v_draws := v_draws || false;
        v_repeats := v_repeats || true;
      ELSE
        v_plain := v_plain || r.id;
      END IF;
    ELSE
      v_rest := v_rest || r.id;
      v_draws := v_draws || NULL::boolean;
      v_repeats := v_repeats || NULL::boolean;
    END IF;
  END LOOP;

  IF cardinality(v_plain) > 0 THEN
    -- Candidates come in passes. The first takes enough for half the annotators (an item
    -- usually has room for more than one); only if some annotators found nothing does a
    -- second take more, for them. Each scan locks its candidates (skipping those other
    -- transactions hold), then their room is counted again in a statement of its own:
    -- leases committed after the scan's snapshot are seen there.
    v_cand := '{}';
    v_free := '{}';
    v_seen := '{}';
    v_wait := v_plain;
    FOR pass IN 1..2 LOOP
      SELECT array_agg(c.id ORDER BY c.priority DESC, c.judgments_count DESC, c.created_at) INTO v_more
        FROM (SELECT i.id, i.priority, i.judgments_count, i.created_at FROM items i
               WHERE i.project_id = p_project AND i.status = 'OPEN' AND NOT i.is_gold
                 AND NOT i.id = ANY (v_cand)
                 AND i.judgments_count + (SELECT count(*) FROM assignments a WHERE a.item_id = i.id
                                            AND a.status = 'ACTIVE' AND a.expires_at > now()) < i.judgments_wanted
               ORDER BY i.priority DESC, i.judgments_count DESC, i.created_at
               LIMIT CASE pass WHEN 1 THEN cardinality(v_wait) / 2 + 8 ELSE 2 * cardinality(v_wait) + 8 END
               FOR UPDATE OF i SKIP LOCKED) c;
      EXIT WHEN v_more IS NULL;
      SELECT v_free || array_agg(CASE WHEN i.status = 'OPEN'
                                      THEN i.judgments_wanted - i.judgments_count
                                           - (SELECT count(*) FROM assignments a WHERE a.item_id = i.id
                                                AND a.status = 'ACTIVE' AND a.expires_at > now())
                                      ELSE 0 END ORDER BY c.n)
        INTO v_free
        FROM unnest(v_more) WITH ORDINALITY AS c(id, n)
        JOIN (SELECT * FROM items WHERE id = ANY (v_more)) AS i ON i.id = c.id;
      -- Probed per candidate through its item's index: a candidate has a few assignments,
      -- where the batch's annotators may have thousands. (OFFSET 0 keeps the planner from
      -- flattening the probe into one scan of all the annotators' assignments.)
      SELECT v_seen || COALESCE(array_agg(a.item_id::text || a.annotator_id::text), '{}') INTO v_seen
        FROM unnest(v_more) AS c(id)
        CROSS JOIN LATERAL (SELECT x.item_id, x.annotator_id FROM assignments x
                             WHERE x.item_id = c.id AND x.annotator_id = ANY (v_wait)
                               AND (x.status <> 'ACTIVE' OR x.expires_at > now()) OFFSET 0) AS a;
      v_cand := v_cand || v_more;
      v_left := '{}';
      FOR k IN 1..cardinality(v_wait) LOOP
        WHILE v_start <= cardinality(v_cand) AND v_free[v_start] <= 0 LOOP
          v_start := v_start + 1;
        END LOOP;
        v_pick := NULL;
        FOR c IN v_start..cardinality(v_cand) LOOP
          IF v_free[c] > 0 AND NOT (v_cand[c]::text || v_wait[k]::text) = ANY (v_seen) THEN
            v_pick := c;
            EXIT;
          END IF;
        END LOOP;
        IF v_pick IS NULL THEN
          v_left := v_left || v_wait[k];
        ELSE
          v_free[v_pick] := v_free[v_pick] - 1;
          v_items := v_items || v_cand[v_pick];
          v_users := v_users || v_wait[k];
        END IF;
      END LOOP;
      v_wait := v_left;
      EXIT WHEN cardinality(v_wait) = 0;
    END LOOP;
    -- Whoever the scans could not serve goes the single-lease way below.
    v_rest := v_rest || v_wait;
    v_draws := v_draws || array_fill(false, ARRAY[cardinality(v_wait)]);
    v_repeats := v_repeats || array_fill(false, ARRAY[cardinality(v_wait)]);
  END IF;

  IF cardinality(v_items) > 0 THEN
    SELECT array_agg(l.usr), array_agg(l.id) INTO v_got, v_ids
      FROM arbiter_insert_leases(p_project, v_items, v_users, p_lease_seconds, false) AS l;
    RETURN QUERY SELECT x.usr, x.id FROM unnest(v_got, v_ids) AS x(usr, id) WHERE x.usr IS NOT NULL;
    FOR k IN 1..cardinality(v_users) LOOP
      IF NOT v_users[k] = ANY (COALESCE(v_got, '{}')) THEN
        v_rest := v_rest || v_users[k];
        v_draws := v_draws || false;
        v_repeats := v_repeats || false;
      END IF;
    END LOOP;
  END IF;

  FOR k IN 1..cardinality(v_rest) LOOP
    RETURN QUERY SELECT v_rest[k], arbiter_lease_item(p_project, v_rest[k], p_lease_seconds, true, v_draws[k], v_repeats[k]);
  END LOOP;
END;
$function$;
