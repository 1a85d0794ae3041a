-- Judgments answered in batches. Under load an API process sends the answers that arrive
-- while its previous batch is in Postgres as one call of arbiter_judge_batch, which does
-- the common case (an active, non-gold assignment answered by its owner against the
-- current rules) with one statement per step for the whole batch instead of some thirty
-- statements per answer; every other row goes through arbiter_judge, unchanged, in the
-- same transaction. The rules are those of arbiter_judge, arbiter_record_judgment and
-- arbiter_lease_item: an answer is counted while its item still wants one (in the order
-- of the batch), a late one is kept, the next item is the open one nearest completion.

-- arbiter_lease_item with the gold draw made by the caller (NULL: drawn here), so that an
-- annotator a batch drew a real item for is not drawn for again.
CREATE FUNCTION arbiter_lease_item(p_project uuid, p_annotator uuid, p_lease_seconds integer, p_new boolean,
                                   p_gold_draw boolean)
RETURNS uuid LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  v_id uuid;
  v_item uuid;
  v_free boolean;
  v_passed uuid[] := '{}';
  v_gold_rate double precision;
  v_qualification integer;
  v_status "AnnotatorStatus";
  v_gold_answered integer;
  v_gold boolean;
BEGIN
  SELECT gold_rate, COALESCE((qualification ->> 'qualificationItems')::integer, 0)
    INTO v_gold_rate, v_qualification FROM projects WHERE id = p_project;
  SELECT status, gold_answered INTO v_status, v_gold_answered
    FROM annotator_states WHERE project_id = p_project AND user_id = p_annotator;
  IF NOT FOUND THEN
    v_status := CASE WHEN v_qualification > 0 THEN 'QUALIFYING' ELSE 'ADMITTED' END;
    v_gold_answered := 0;
    INSERT INTO annotator_states (project_id, user_id, status) VALUES (p_project, p_annotator, v_status)
    ON CONFLICT DO NOTHING;
  END IF;
  IF v_status IN ('QUARANTINED', 'REJECTED') THEN
    RETURN NULL;
  END IF;
  SELECT id INTO v_id FROM assignments
   WHERE annotator_id = p_annotator AND project_id = p_project AND status = 'ACTIVE' AND expires_at > now()
   ORDER BY created_at LIMIT 1;
  IF FOUND OR NOT p_new THEN
    RETURN v_id;
  END IF;

  v_gold := (v_status = 'QUALIFYING' AND v_gold_answered < v_qualification)
    OR (COALESCE(p_gold_draw, random() < v_gold_rate)
        AND EXISTS (SELECT 1 FROM items i
                     WHERE i.project_id = p_project AND i.status = 'OPEN' AND NOT i.is_gold
                       AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.item_id = i.id
                                         AND a.annotator_id = p_annotator)));
  IF v_gold THEN
    SELECT i.id INTO v_item FROM items i
     WHERE i.project_id = p_project AND i.is_gold AND i.status <> 'DISABLED'
       AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.item_id = i.id AND a.annotator_id = p_annotator
                         AND (a.status <> 'ACTIVE' OR a.expires_at > now()))
     ORDER BY random() LIMIT 1;
    IF FOUND THEN
      INSERT INTO assignments (item_id, project_id, annotator_id, status, shown_order, expires_at)
      VALUES (v_item, p_project, p_annotator, 'ACTIVE',
              (SELECT array_agg(completion_id ORDER BY random()) FROM item_completions WHERE item_id = v_item),
              now() + make_interval(secs => p_lease_seconds))
      ON CONFLICT (item_id, annotator_id) DO UPDATE
         SET shown_order = EXCLUDED.shown_order, expires_at = EXCLUDED.expires_at, created_at = now()
       WHERE assignments.status = 'ACTIVE' AND assignments.expires_at <= now()
      RETURNING id INTO v_id;
      IF v_id IS NOT NULL THEN
        RETURN v_id;
      END IF;
    END IF;
  END IF;

  FOR attempt IN 1..20 LOOP
    SELECT i.id INTO v_item FROM items i
     WHERE i.project_id = p_project AND i.status = 'OPEN' AND NOT i.is_gold AND NOT (i.id = ANY (v_passed))
       AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.item_id = i.id AND a.annotator_id = p_annotator
                         AND (a.status <> 'ACTIVE' OR a.expires_at > now()))
       AND i.judgments_count + (SELECT count(*) FROM assignments a WHERE a.item_id = i.id
                                  AND a.status = 'ACTIVE' AND a.expires_at > now()) < i.judgments_wanted
     ORDER BY i.priority DESC, i.judgments_count DESC, i.created_at
     LIMIT 1
     FOR UPDATE OF i SKIP LOCKED;
    IF NOT FOUND THEN
      RETURN NULL;
    END IF;
    SELECT i.status = 'OPEN' AND i.judgments_count + (SELECT count(*) FROM assignments a WHERE a.item_id = i.id
             AND a.status = 'ACTIVE' AND a.expires_at > now()) < i.judgments_wanted
      INTO v_free FROM items i WHERE i.id = v_item;
    IF v_free THEN
      INSERT INTO assignments (item_id, project_id, annotator_id, status, shown_order, expires_at)
      VALUES (v_item, p_project, p_annotator, 'ACTIVE',
              (SELECT array_agg(completion_id ORDER BY random()) FROM item_completions WHERE item_id = v_item),
              now() + make_interval(secs => p_lease_seconds))
      ON CONFLICT (item_id, annotator_id) DO UPDATE
         SET shown_order = EXCLUDED.shown_order, expires_at = EXCLUDED.expires_at, created_at = now()
       WHERE assignments.status = 'ACTIVE' AND assignments.expires_at <= now()
      RETURNING id INTO v_id;
      IF v_id IS NOT NULL THEN
        RETURN v_id;
      END IF;
    END IF;
    v_passed := v_passed || v_item;
  END LOOP;
  RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION arbiter_lease_item(p_project uuid, p_annotator uuid, p_lease_seconds integer, p_new boolean)
RETURNS uuid LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  RETURN arbiter_lease_item(p_project, p_annotator, p_lease_seconds, p_new, NULL);
END;
$$;

-- The content of several assignments (as arbiter_assignment_dto), in one statement.
CREATE FUNCTION arbiter_assignment_dtos(p_assignments uuid[])
RETURNS TABLE (assignment_id uuid, dto json) LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN QUERY
  SELECT a.id, json_build_object(
           'id', a.id, 'expiresAt', a.expires_at, 'guidelines', p.guidelines, 'taskType', p.task_type,
           'questions', p.questions, 'rules', arbiter_answer_rules(p.task_type, p.questions),
           'messages', pr.messages, 'text', pr.text,
           'options', (SELECT COALESCE(json_agg(COALESCE(c.text, '') ORDER BY o.n), '[]')
                         FROM unnest(a.shown_order) WITH ORDINALITY AS o(id, n)
                         LEFT JOIN completions c ON c.id = o.id))
    FROM assignments a
    JOIN projects p ON p.id = a.project_id
    JOIN items i ON i.id = a.item_id
    JOIN prompts pr ON pr.id = i.prompt_id
   WHERE a.id = ANY (p_assignments);
END;
$$;

-- Leases the next item for several annotators of one project who may be given new work
-- (as arbiter_lease_item with p_new). Admitted annotators with nothing in hand who drew a
-- real item share one scan of the open items nearest completion, taken in that order
-- while each still has room and was not seen by the annotator; everyone else, and anyone
-- the shared scan could not serve, goes through arbiter_lease_item.
CREATE FUNCTION arbiter_lease_many(p_project uuid, p_annotators uuid[], p_lease_seconds integer)
RETURNS TABLE (annotator_id uuid, assignment_id uuid) LANGUAGE plpgsql VOLATILE AS $$
#variable_conflict use_column
DECLARE
  v_gold_rate double precision;
  v_plain uuid[] := '{}';
  v_rest uuid[] := '{}';
  v_draws boolean[] := '{}';
  v_cand uuid[];
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
  SELECT gold_rate INTO v_gold_rate FROM projects WHERE id = p_project;
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
      ELSE
        v_plain := v_plain || r.id;
      END IF;
    ELSE
      v_rest := v_rest || r.id;
      v_draws := v_draws || NULL::boolean;
    END IF;
  END LOOP;

  IF cardinality(v_plain) > 0 THEN
    -- The scan locks its candidates (skipping those other transactions hold), then counts
    -- their room again in a statement of its own: leases committed after the scan's
    -- snapshot are seen there.
    SELECT array_agg(c.id ORDER BY c.priority DESC, c.judgments_count DESC, c.created_at) INTO v_cand
      FROM (SELECT i.id, i.priority, i.judgments_count, i.created_at FROM items i
             WHERE i.project_id = p_project AND i.status = 'OPEN' AND NOT i.is_gold
               AND i.judgments_count + (SELECT count(*) FROM assignments a WHERE a.item_id = i.id
                                          AND a.status = 'ACTIVE' AND a.expires_at > now()) < i.judgments_wanted
             ORDER BY i.priority DESC, i.judgments_count DESC, i.created_at
             LIMIT 2 * cardinality(v_plain) + 8
             FOR UPDATE OF i SKIP LOCKED) c;
    IF v_cand IS NOT NULL THEN
      SELECT array_agg(CASE WHEN i.status = 'OPEN'
                            THEN i.judgments_wanted - i.judgments_count
                                 - (SELECT count(*) FROM assignments a WHERE a.item_id = i.id
                                      AND a.status = 'ACTIVE' AND a.expires_at > now())
                            ELSE 0 END ORDER BY c.n)
        INTO v_free
        FROM unnest(v_cand) WITH ORDINALITY AS c(id, n)
        JOIN (SELECT * FROM items WHERE id = ANY (v_cand)) AS i ON i.id = c.id;
      SELECT array_agg(a.item_id::text || a.annotator_id::text) INTO v_seen
        FROM assignments a
       WHERE a.item_id = ANY (v_cand) AND a.annotator_id = ANY (v_plain)
         AND (a.status <> 'ACTIVE' OR a.expires_at > now());
      v_seen := COALESCE(v_seen, '{}');
      FOR k IN 1..cardinality(v_plain) LOOP
        WHILE v_start <= cardinality(v_cand) AND v_free[v_start] <= 0 LOOP
          v_start := v_start + 1;
        END LOOP;
        v_pick := NULL;
        FOR c IN v_start..cardinality(v_cand) LOOP
          IF v_free[c] > 0 AND NOT (v_cand[c]::text || v_plain[k]::text) = ANY (v_seen) THEN
            v_pick := c;
            EXIT;
          END IF;
        END LOOP;
        IF v_pick IS NULL THEN
          v_rest := v_rest || v_plain[k];
          v_draws := v_draws || false;
        ELSE
          v_free[v_pick] := v_free[v_pick] - 1;
          v_items := v_items || v_cand[v_pick];
          v_users := v_users || v_plain[k];
        END IF;
      END LOOP;
    ELSE
      v_rest := v_rest || v_plain;
      v_draws := v_draws || array_fill(false, ARRAY[cardinality(v_plain)]);
    END IF;
  END IF;

  IF cardinality(v_items) > 0 THEN
    -- An expired lease of the same item and annotator is renewed, as arbiter_lease_item does.
    WITH leased AS (
      INSERT INTO assignments AS t (item_id, project_id, annotator_id, status, shown_order, expires_at)
      SELECT x.item, p_project, x.usr, 'ACTIVE',
             (SELECT array_agg(ic.completion_id ORDER BY random()) FROM item_completions ic WHERE ic.item_id = x.item),
             now() + make_interval(secs => p_lease_seconds)
        FROM unnest(v_items, v_users) AS x(item, usr)
      ON CONFLICT (item_id, annotator_id) DO UPDATE
         SET shown_order = EXCLUDED.shown_order, expires_at = EXCLUDED.expires_at, created_at = now()
       WHERE t.status = 'ACTIVE' AND t.expires_at <= now()
      RETURNING t.annotator_id AS usr, t.id)
    SELECT array_agg(l.usr), array_agg(l.id) INTO v_got, v_ids FROM leased l;
    RETURN QUERY SELECT x.usr, x.id FROM unnest(v_got, v_ids) AS x(usr, id) WHERE x.usr IS NOT NULL;
    FOR k IN 1..cardinality(v_users) LOOP
      IF NOT v_users[k] = ANY (COALESCE(v_got, '{}')) THEN
        v_rest := v_rest || v_users[k];
        v_draws := v_draws || false;
      END IF;
    END LOOP;
  END IF;

  FOR k IN 1..cardinality(v_rest) LOOP
    RETURN QUERY SELECT v_rest[k], arbiter_lease_item(p_project, v_rest[k], p_lease_seconds, true, v_draws[k]);
  END LOOP;
END;
$$;

-- One answer of a batch on the common path, as arbiter_judge_batch carries it between steps.
CREATE TYPE arbiter_batch_answer AS (
  ord integer, assignment uuid, item uuid, project uuid, annotator uuid, key text, choice text, strength integer,
  ranking jsonb, answer jsonb, aspects jsonb, rationale text, flags text[], duration_ms integer, late boolean,
  first text, lease_seconds integer);

-- Answers several assignments (p_rows: a JSON array of objects with ord, assignment,
-- annotator, api_key, session, rules, options, key, choice, strength, ranking, answer,
-- aspects, rationale, flags, duration_ms, first: the parameters of arbiter_judge) in one
-- transaction, returning arbiter_judge's row for each, with its ord. Locks are taken in
-- one order by every batch (the assignments, then the judged items, by id), so two
-- batches never wait on each other in a cycle.
CREATE FUNCTION arbiter_judge_batch(p_rows jsonb)
RETURNS TABLE (ord integer, outcome text, judgment_id uuid, assignment_id uuid, project_id uuid,
               created_at timestamptz(3), counted boolean, is_gold boolean, state json, next json, rules json)
LANGUAGE plpgsql VOLATILE AS $$
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
                       x.mapped, x.answer, x.aspects, x.rationale, x.flags, x.duration_ms, x.late, x.first,
                       x.lease_seconds)::arbiter_batch_answer ORDER BY x.ord) FILTER (WHERE x.fast),
         array_agg(x.ord ORDER BY x.ord) FILTER (WHERE NOT x.fast)
    INTO v_fast, v_slow
    FROM (
      SELECT r.*, a.item_id, a.project_id, a.expires_at <= now() AS late, p.lease_seconds,
             (SELECT jsonb_agg((SELECT jsonb_agg(a.shown_order[ascii(k) - 64] ORDER BY kn)
                                  FROM jsonb_array_elements_text(grp) WITH ORDINALITY AS e(k, kn)) ORDER BY gn)
                FROM jsonb_array_elements(r.ranking) WITH ORDINALITY AS g(grp, gn)) AS mapped,
             COALESCE(
               a.annotator_id = r.annotator AND a.status = 'ACTIVE' AND NOT i.is_gold AND p.status = 'ACTIVE'
               AND r.rules = arbiter_answer_rules(p.task_type, p.questions)
               AND r.options = cardinality(a.shown_order)
               AND u.status = 'ACTIVE' AND (k.id IS NOT NULL OR s.id IS NOT NULL)
               AND (u.role <> 'ANNOTATOR' OR pm.user_id IS NOT NULL)
               AND j.annotator_id IS NULL
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
        LEFT JOIN LATERAL (SELECT m.user_id FROM project_pools pp JOIN pool_members m ON m.pool_id = pp.pool_id
                            WHERE pp.project_id = a.project_id AND m.user_id = r.annotator LIMIT 1) AS pm ON true
        LEFT JOIN LATERAL (SELECT jj.annotator_id FROM judgments jj
                            WHERE jj.annotator_id = r.annotator AND jj.idempotency_key = r.key LIMIT 1) AS j ON true) AS x;

  IF v_fast IS NOT NULL THEN
    v_items := ARRAY(SELECT DISTINCT (v_fast[n]).item FROM generate_subscripts(v_fast, 1) AS n);
    PERFORM 1 FROM items i WHERE i.id = ANY (v_items) ORDER BY i.id FOR UPDATE;
    -- Counted in batch order while the item still wants answers.
    SELECT array_agg(i.status = 'OPEN' AND i.judgments_count + f.k <= i.judgments_wanted ORDER BY f.n)
      INTO v_counted
      FROM (SELECT n, (v_fast[n]).item AS item,
                   row_number() OVER (PARTITION BY (v_fast[n]).item ORDER BY n) AS k
              FROM generate_subscripts(v_fast, 1) AS n) AS f
      JOIN (SELECT * FROM items WHERE id = ANY (v_items)) AS i ON i.id = f.item;
    UPDATE items i
       SET judgments_count = i.judgments_count + c.n,
           status = CASE WHEN i.judgments_count + c.n >= i.judgments_wanted THEN 'COMPLETE'::"ItemStatus" ELSE i.status END,
           completed_at = CASE WHEN i.judgments_count + c.n >= i.judgments_wanted THEN now() ELSE i.completed_at END
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
    -- The shown order of every item is random, so choosing the first-shown option is
    -- tracked for position bias (as arbiter_judge does).
    WITH s AS (
      UPDATE annotator_states s
         SET decisive = s.decisive + (f.first IS NOT NULL)::int,
             first_shown = s.first_shown + (f.first IS NOT DISTINCT FROM 'A')::int
        FROM (SELECT (v_fast[n]).project AS project, (v_fast[n]).annotator AS annotator, (v_fast[n]).first AS first
                FROM generate_subscripts(v_fast, 1) AS n) AS f
        JOIN projects p ON p.id = f.project
       WHERE s.user_id = ANY (v_users) AND s.project_id = f.project AND s.user_id = f.annotator
      RETURNING s.user_id, json_build_object(
        'status', s.status, 'gold_answered', s.gold_answered, 'gold_correct', s.gold_correct,
        'gold_llr', s.gold_llr, 'decisive', s.decisive, 'first_shown', s.first_shown,
        'qualification', p.qualification, 'options_per_item', p.options_per_item,
        'crowd', COALESCE((p.crowd ->> 'enabled')::boolean, false)) AS state)
    SELECT array_agg(s.state ORDER BY n) INTO v_states
      FROM generate_subscripts(v_fast, 1) AS n LEFT JOIN s ON s.user_id = (v_fast[n]).annotator;

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
$$;
