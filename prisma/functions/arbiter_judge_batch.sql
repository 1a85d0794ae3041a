CREATE OR REPLACE FUNCTION public.arbiter_judge_batch(p_rows jsonb)
 RETURNS TABLE(ord integer, outcome text, judgment_id uuid, assignment_id uuid, project_id uuid, created_at timestamp with time zone, counted boolean, is_gold boolean, state json, next json, rules json)
 LANGUAGE plpgsql
AS $function$
#variable_conflict use_column
DECLARE
  -- Every big table is read through "= ANY (array)" below: the planner then probes its
  -- indexes, where a join against a set-returning function (estimated at 100-1000 rows)
  -- would have it scan the whole table.
  v_aids uuid[];
  v_users uuid[];
  v_items uuid[];
  v_fast arbiter_batch_answer[];
  v_slow integer[];
  v_counted boolean[];
  v_ids uuid[];
  v_at timestamptz(3)[];
  v_states json[];
  v_next_users uuid[] := '{}';
  v_next_ids uuid[] := '{}';
  g record;
  r record;
BEGIN
  SELECT array_agg((e ->> 'assignment')::uuid), array_agg((e ->> 'annotator')::uuid) INTO v_aids, v_users
    FROM jsonb_array_elements(p_rows) AS e;
  PERFORM 1 FROM assignments a WHERE a.id = ANY (v_aids) ORDER BY a.id FOR UPDATE;

  -- The common path: the owner, still signed in and allowed in the active project,
  -- answers an active non-gold assignment against its current rules with a new key; one
  -- answer per annotator and per assignment.
  SELECT array_agg(ROW(x.ord, x.assignment, x.item_id, x.project_id, x.annotator, x.key, x.choice, x.strength,
                       x.mapped, x.answer, x.aspects, x.rationale, x.flags, x.measured_ms, x.late, x.first,
                       x.lease_seconds)::arbiter_batch_answer ORDER BY x.ord) FILTER (WHERE x.fast),
         array_agg(x.ord ORDER BY x.ord) FILTER (WHERE NOT x.fast)
    INTO v_fast, v_slow
    FROM (
      SELECT r.*, a.item_id, a.project_id, a.expires_at <= now() AS late, p.lease_seconds,
             -- The time taken is at most what the server saw since it handed out the assignment.
             LEAST(r.duration_ms, floor(extract(epoch FROM now() - a.created_at) * 1000)::integer) AS measured_ms,
             (SELECT jsonb_agg((SELECT jsonb_agg(a.shown_order[ascii(k) - 64] ORDER BY kn)
                                  FROM jsonb_array_elements_text(grp) WITH ORDINALITY AS e(k, kn)) ORDER BY gn)
                FROM jsonb_array_elements(r.ranking) WITH ORDINALITY AS g(grp, gn)) AS mapped,
             COALESCE(
               a.annotator_id = r.annotator AND a.status = 'ACTIVE' AND NOT i.is_gold AND NOT a.is_repeat
               AND p.status = 'ACTIVE'
               AND r.rules = arbiter_answer_rules(p.task_type, p.questions)
               AND r.options = cardinality(a.shown_order)
               AND u.status = 'ACTIVE' AND (k.id IS NOT NULL OR s.id IS NOT NULL)
               AND (u.role = 'ADMIN' OR pm.user_id IS NOT NULL)
               AND j.annotator_id IS NULL AND rj.annotator_id IS NULL
               AND row_number() OVER (PARTITION BY r.annotator ORDER BY r.ord) = 1
               AND row_number() OVER (PARTITION BY r.assignment ORDER BY r.ord) = 1,
               false) AS fast
        FROM jsonb_to_recordset(p_rows) AS r(
               ord integer, assignment uuid, annotator uuid, api_key uuid, session uuid, rules text, options integer,
               key text, choice text, strength integer, ranking jsonb, answer jsonb, aspects jsonb, rationale text,
               flags text[], duration_ms integer, first text)
        LEFT JOIN (SELECT * FROM assignments WHERE id = ANY (v_aids)) AS a ON a.id = r.assignment
        LEFT JOIN (SELECT * FROM items WHERE id IN (SELECT item_id FROM assignments WHERE id = ANY (v_aids))) AS i
               ON i.id = a.item_id
        LEFT JOIN projects p ON p.id = a.project_id
        LEFT JOIN (SELECT * FROM users WHERE id = ANY (v_users)) AS u ON u.id = r.annotator
        -- LATERAL ... LIMIT 1: probed per answer through its index, whatever the table's size.
        LEFT JOIN LATERAL (SELECT kk.id FROM api_keys kk
                            WHERE kk.id = r.api_key AND kk.user_id = r.annotator AND kk.revoked_at IS NULL
                              AND (kk.expires_at IS NULL OR kk.expires_at > now()) LIMIT 1) AS k ON true
        LEFT JOIN LATERAL (SELECT ss.id FROM sessions ss
                            WHERE ss.id = r.session AND ss.user_id = r.annotator AND ss.revoked_at IS NULL
                              AND ss.expires_at > now() LIMIT 1) AS s ON true
        -- Allowed in: through one of the project's pools, or as a member of the project.
        LEFT JOIN LATERAL (SELECT m.user_id FROM project_pools pp JOIN pool_members m ON m.pool_id = pp.pool_id
                            WHERE pp.project_id = a.project_id AND m.user_id = r.annotator
                           UNION ALL
                           SELECT pmb.user_id FROM project_members pmb
                            WHERE pmb.project_id = a.project_id AND pmb.user_id = r.annotator LIMIT 1) AS pm ON true
        LEFT JOIN LATERAL (SELECT jj.annotator_id FROM judgments jj
                            WHERE jj.annotator_id = r.annotator AND jj.idempotency_key = r.key LIMIT 1) AS j ON true
        LEFT JOIN LATERAL (SELECT rr.annotator_id FROM repeat_judgments rr
                            WHERE rr.annotator_id = r.annotator AND rr.idempotency_key = r.key LIMIT 1) AS rj ON true) AS x;

  IF v_fast IS NOT NULL THEN
    v_items := ARRAY(SELECT DISTINCT (v_fast[n]).item FROM generate_subscripts(v_fast, 1) AS n);
    PERFORM 1 FROM items i WHERE i.id = ANY (v_items) ORDER BY i.id FOR UPDATE;
    -- Counted in batch order while the item still wants answers; completion as in
    -- arbiter_record_judgment (a dynamic item completes at its max, else waits for a decision).
    SELECT array_agg(i.status = 'OPEN' AND i.judgments_count + f.k <= i.judgments_wanted ORDER BY f.n)
      INTO v_counted
      FROM (SELECT n, (v_fast[n]).item AS item,
                   row_number() OVER (PARTITION BY (v_fast[n]).item ORDER BY n) AS k
              FROM generate_subscripts(v_fast, 1) AS n) AS f
      JOIN (SELECT * FROM items WHERE id = ANY (v_items)) AS i ON i.id = f.item;
    UPDATE items i
       SET judgments_count = i.judgments_count + c.n,
           status = CASE WHEN i.judgments_count + c.n >= GREATEST(i.judgments_wanted, i.judgments_max)
                         THEN 'COMPLETE'::"ItemStatus" ELSE i.status END,
           completed_at = CASE WHEN i.judgments_count + c.n >= GREATEST(i.judgments_wanted, i.judgments_max)
                               THEN now() ELSE i.completed_at END,
           priority = arbiter_counted_priority(i.priority, (i.judgments_count + c.n)::integer, i.judgments_wanted,
                                               i.judgments_max)
      FROM (SELECT (v_fast[n]).item AS item, count(*) AS n FROM generate_subscripts(v_fast, 1) AS n
             WHERE v_counted[n] GROUP BY 1) AS c
     WHERE i.id = ANY (v_items) AND i.id = c.item;
    WITH ins AS (
      INSERT INTO judgments (assignment_id, item_id, project_id, annotator_id, idempotency_key, choice, strength,
                             ranking, answer, aspects, rationale, flags, duration_ms, counted, late)
      SELECT f.assignment, f.item, f.project, f.annotator, f.key, f.choice, f.strength, f.ranking, f.answer,
             f.aspects, f.rationale, COALESCE(f.flags, '{}'), f.duration_ms, v_counted[n], f.late
        FROM generate_subscripts(v_fast, 1) AS n, LATERAL (SELECT (v_fast[n]).*) AS f
      RETURNING judgments.id, judgments.assignment_id, judgments.created_at)
    SELECT array_agg(ins.id ORDER BY n), array_agg(ins.created_at ORDER BY n) INTO v_ids, v_at
      FROM generate_subscripts(v_fast, 1) AS n JOIN ins ON ins.assignment_id = (v_fast[n]).assignment;
    UPDATE assignments a SET status = 'SUBMITTED', closed_at = now()
     WHERE a.id = ANY (ARRAY(SELECT (v_fast[n]).assignment FROM generate_subscripts(v_fast, 1) AS n));
    -- Fast answers are never gold, and there is one per annotator.
    WITH s AS MATERIALIZED (
      SELECT x.annotator, x.record FROM arbiter_record_answers(
        ARRAY(SELECT (v_fast[n]).project FROM generate_subscripts(v_fast, 1) AS n ORDER BY n),
        ARRAY(SELECT (v_fast[n]).annotator FROM generate_subscripts(v_fast, 1) AS n ORDER BY n),
        ARRAY(SELECT (v_fast[n]).first FROM generate_subscripts(v_fast, 1) AS n ORDER BY n),
        array_fill(NULL::boolean, ARRAY[cardinality(v_fast)]),
        array_fill(NULL::double precision, ARRAY[cardinality(v_fast)])) AS x)
    SELECT array_agg(s.record ORDER BY n) INTO v_states
      FROM generate_subscripts(v_fast, 1) AS n LEFT JOIN s ON s.annotator = (v_fast[n]).annotator;

    FOR g IN
      SELECT (v_fast[n]).project AS project, max((v_fast[n]).lease_seconds) AS lease_seconds,
             array_agg((v_fast[n]).annotator ORDER BY n) AS annotators
        FROM generate_subscripts(v_fast, 1) AS n GROUP BY 1
    LOOP
      SELECT v_next_users || COALESCE(array_agg(l.annotator_id), '{}'),
             v_next_ids || COALESCE(array_agg(l.assignment_id), '{}')
        INTO v_next_users, v_next_ids
        FROM arbiter_lease_many(g.project, g.annotators, g.lease_seconds) AS l
       WHERE l.assignment_id IS NOT NULL;
    END LOOP;

    RETURN QUERY
      SELECT (v_fast[n]).ord, 'created'::text, v_ids[n], (v_fast[n]).assignment, (v_fast[n]).project, v_at[n],
             v_counted[n], false, v_states[n], d.dto, NULL::json
        FROM generate_subscripts(v_fast, 1) AS n
        LEFT JOIN unnest(v_next_users, v_next_ids) AS nx(usr, id) ON nx.usr = (v_fast[n]).annotator
        LEFT JOIN arbiter_assignment_dtos(v_next_ids) AS d ON d.assignment_id = nx.id;
  END IF;

  FOR r IN
    SELECT * FROM jsonb_to_recordset(p_rows) AS x(
             ord integer, assignment uuid, annotator uuid, api_key uuid, session uuid, rules text, options integer,
             key text, choice text, strength integer, ranking jsonb, answer jsonb, aspects jsonb, rationale text,
             flags text[], duration_ms integer, first text)
     WHERE x.ord = ANY (COALESCE(v_slow, '{}'))
     ORDER BY x.ord
  LOOP
    RETURN QUERY SELECT r.ord, j.outcome, j.judgment_id, j.assignment_id, j.project_id, j.created_at, j.counted,
                        j.is_gold, j.state, j.next, j.rules
                   FROM arbiter_judge(r.assignment, r.annotator, r.api_key, r.session, r.rules, r.options, r.key,
                                      r.choice, r.strength, r.ranking, r.answer, r.aspects, r.rationale,
                                      COALESCE(r.flags, '{}'), r.duration_ms, r.first) AS j;
  END LOOP;
END;
$function$;
