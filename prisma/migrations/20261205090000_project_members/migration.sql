-- Projects belong to people: an owner and members (researchers, viewers). Admins see every
-- project; researchers only theirs. Existing projects go to their creator as owner.
CREATE TYPE "ProjectRole" AS ENUM ('OWNER', 'RESEARCHER', 'VIEWER');

CREATE TABLE "project_members" (
    "project_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "role" "ProjectRole" NOT NULL,
    "added_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "project_members_pkey" PRIMARY KEY ("project_id", "user_id")
);
CREATE INDEX "project_members_user_id_idx" ON "project_members"("user_id");
ALTER TABLE "project_members" ADD CONSTRAINT "project_members_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "project_members" ADD CONSTRAINT "project_members_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

INSERT INTO "project_members" ("project_id", "user_id", "role")
SELECT p.id, p.created_by_id, 'OWNER' FROM "projects" p;

-- Every project starts with its creator as owner, however it is created (the API, the demo
-- seed, a bench's bulk insert): the database keeps the rule, so no writer can forget it.
CREATE FUNCTION arbiter_project_creator_owns() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO project_members (project_id, user_id, role) VALUES (NEW.id, NEW.created_by_id, 'OWNER')
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER project_creator_owns AFTER INSERT ON projects
  FOR EACH ROW EXECUTE FUNCTION arbiter_project_creator_owns();

-- Researchers a pool's admin allows to attach the pool to their own projects.
CREATE TABLE "pool_attachers" (
    "pool_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "added_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "pool_attachers_pkey" PRIMARY KEY ("pool_id", "user_id")
);
CREATE INDEX "pool_attachers_user_id_idx" ON "pool_attachers"("user_id");
ALTER TABLE "pool_attachers" ADD CONSTRAINT "pool_attachers_pool_id_fkey" FOREIGN KEY ("pool_id") REFERENCES "pools"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "pool_attachers" ADD CONSTRAINT "pool_attachers_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Who may annotate a project: admins, members of one of its pools, members of the project.
-- Researchers were let into every project; now only into theirs. Inlined by the planner.
CREATE FUNCTION arbiter_may_enter(p_project uuid, p_user uuid, p_role "Role") RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT p_role = 'ADMIN'
      OR EXISTS (SELECT 1 FROM project_pools pp JOIN pool_members m ON m.pool_id = pp.pool_id
                  WHERE pp.project_id = p_project AND m.user_id = p_user)
      OR EXISTS (SELECT 1 FROM project_members pm WHERE pm.project_id = p_project AND pm.user_id = p_user)
$$;

CREATE OR REPLACE FUNCTION public.arbiter_judge(p_assignment uuid, p_annotator uuid, p_api_key uuid, p_session uuid, p_rules text, p_options integer, p_key text, p_choice text, p_strength integer, p_ranking jsonb, p_answer jsonb, p_aspects jsonb, p_rationale text, p_flags text[], p_duration_ms integer, p_first text)
 RETURNS TABLE(outcome text, judgment_id uuid, assignment_id uuid, project_id uuid, created_at timestamp with time zone, counted boolean, is_gold boolean, state json, next json, rules json)
 LANGUAGE plpgsql
AS $function$
DECLARE
  v_role "Role";
  v_owner uuid;
  v_project uuid;
  v_options integer;
  p projects%ROWTYPE;
  v_allowed boolean;
  r record;
  v_state json;
BEGIN
  v_role := arbiter_credential_role(p_annotator, p_api_key, p_session);
  IF v_role IS NULL THEN
    RETURN QUERY SELECT 'unauthenticated', NULL::uuid, NULL::uuid, NULL::uuid, NULL::timestamptz(3),
                        NULL::boolean, NULL::boolean, NULL::json, NULL::json, NULL::json;
    RETURN;
  END IF;
  SELECT a.annotator_id, a.project_id, cardinality(a.shown_order) INTO v_owner, v_project, v_options
    FROM assignments a WHERE a.id = p_assignment;
  IF NOT FOUND OR v_owner <> p_annotator THEN
    RETURN QUERY SELECT 'not_found', NULL::uuid, NULL::uuid, NULL::uuid, NULL::timestamptz(3),
                        NULL::boolean, NULL::boolean, NULL::json, NULL::json, NULL::json;
    RETURN;
  END IF;
  SELECT * INTO p FROM projects WHERE id = v_project;
  IF p_rules IS DISTINCT FROM arbiter_answer_rules(p.task_type, p.questions) OR p_options IS DISTINCT FROM v_options THEN
    RETURN QUERY SELECT 'stale', NULL::uuid, NULL::uuid, NULL::uuid, NULL::timestamptz(3),
                        NULL::boolean, NULL::boolean, NULL::json, NULL::json,
                        json_build_object('taskType', p.task_type, 'questions', p.questions,
                                          'rules', arbiter_answer_rules(p.task_type, p.questions), 'options', v_options);
    RETURN;
  END IF;
  -- Someone removed from the project's pools (or its members) may still hand in what they
  -- hold, but gets nothing new.
  v_allowed := arbiter_may_enter(p.id, p_annotator, v_role);
  SELECT * INTO r FROM arbiter_record_judgment(
    p_assignment, p_annotator, p_key, p_choice, p_strength, p_ranking, p_answer, p_aspects, p_rationale, p_flags,
    p_duration_ms, CASE WHEN v_allowed THEN p.lease_seconds END, p.status = 'ACTIVE');
  IF r.outcome = 'created' AND NOT r.is_gold THEN
    -- The shown order of every item is random, so choosing the first-shown option is
    -- tracked for position bias.
    UPDATE annotator_states s
       SET decisive = s.decisive + (p_first IS NOT NULL)::int,
           first_shown = s.first_shown + (p_first IS NOT DISTINCT FROM 'A')::int
     WHERE s.project_id = p.id AND s.user_id = p_annotator
    RETURNING json_build_object(
      'status', s.status, 'gold_answered', s.gold_answered, 'gold_correct', s.gold_correct,
      'gold_llr', s.gold_llr, 'decisive', s.decisive, 'first_shown', s.first_shown,
      'qualification', p.qualification, 'options_per_item', p.options_per_item,
      'crowd', COALESCE((p.crowd ->> 'enabled')::boolean, false))
      INTO v_state;
  END IF;
  RETURN QUERY SELECT r.outcome, r.judgment_id, r.assignment_id, r.project_id, r.created_at, r.counted, r.is_gold,
                      v_state, arbiter_assignment_dto(r.next_id), NULL::json;
END;
$function$;

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
               AND (u.role = 'ADMIN' OR pm.user_id IS NOT NULL)
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
        -- Allowed in: through one of the project's pools, or as a member of the project.
        LEFT JOIN LATERAL (SELECT m.user_id FROM project_pools pp JOIN pool_members m ON m.pool_id = pp.pool_id
                            WHERE pp.project_id = a.project_id AND m.user_id = r.annotator
                           UNION ALL
                           SELECT pmb.user_id FROM project_members pmb
                            WHERE pmb.project_id = a.project_id AND pmb.user_id = r.annotator LIMIT 1) AS pm ON true
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
$function$;
