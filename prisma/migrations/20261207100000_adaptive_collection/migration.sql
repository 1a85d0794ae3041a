-- Adaptive collection: dynamic overlap, selection and consistency repeats on projects; the
-- worker's confidence and the overlap cap on items; repeat assignments beside the one
-- ordinary assignment per item and annotator, with their answers in repeat_judgments.
-- Tables from `prisma migrate diff`; the functions below are the text of prisma/functions.
-- DropIndex
DROP INDEX "assignments_item_id_annotator_id_key";

-- AlterTable
ALTER TABLE "assignments" ADD COLUMN     "is_repeat" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "items" ADD COLUMN     "confidence" DOUBLE PRECISION,
ADD COLUMN     "judgments_max" INTEGER;

-- AlterTable
ALTER TABLE "projects" ADD COLUMN     "overlap_min" INTEGER,
ADD COLUMN     "overlap_target" DOUBLE PRECISION,
ADD COLUMN     "repeat_share" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN     "selection" TEXT NOT NULL DEFAULT 'uniform';

-- CreateTable
CREATE TABLE "repeat_judgments" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "assignment_id" UUID NOT NULL,
    "item_id" UUID NOT NULL,
    "project_id" UUID NOT NULL,
    "annotator_id" UUID NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "choice" TEXT,
    "strength" INTEGER,
    "ranking" JSONB,
    "answer" JSONB NOT NULL,
    "aspects" JSONB,
    "rationale" TEXT,
    "flags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "duration_ms" INTEGER,
    "late" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "repeat_judgments_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "repeat_judgments_assignment_id_key" ON "repeat_judgments"("assignment_id");

-- CreateIndex
CREATE INDEX "repeat_judgments_project_id_annotator_id_idx" ON "repeat_judgments"("project_id", "annotator_id");

-- CreateIndex
CREATE UNIQUE INDEX "repeat_judgments_annotator_id_idempotency_key_key" ON "repeat_judgments"("annotator_id", "idempotency_key");

-- CreateIndex
CREATE UNIQUE INDEX "assignments_item_id_annotator_id_is_repeat_key" ON "assignments"("item_id", "annotator_id", "is_repeat");

-- AddForeignKey
ALTER TABLE "repeat_judgments" ADD CONSTRAINT "repeat_judgments_assignment_id_fkey" FOREIGN KEY ("assignment_id") REFERENCES "assignments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "repeat_judgments" ADD CONSTRAINT "repeat_judgments_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "items"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "repeat_judgments" ADD CONSTRAINT "repeat_judgments_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "repeat_judgments" ADD CONSTRAINT "repeat_judgments_annotator_id_fkey" FOREIGN KEY ("annotator_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- What Prisma's schema cannot say.
ALTER TABLE "projects"
  ADD CONSTRAINT "projects_overlap_check" CHECK (
    (overlap_min IS NULL AND overlap_target IS NULL)
    OR (overlap_min BETWEEN 1 AND judgments_per_item AND overlap_target > 0.5 AND overlap_target <= 0.999)),
  ADD CONSTRAINT "projects_selection_check" CHECK (selection IN ('uniform', 'label-confidence', 'leaderboard')),
  ADD CONSTRAINT "projects_repeat_share_check" CHECK (repeat_share >= 0 AND repeat_share <= 0.5);

-- arbiter_insert_leases gains p_repeat.
DROP FUNCTION "arbiter_insert_leases"(uuid, uuid[], uuid[], integer);


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
-- Completion fires the usual triggers (project.completed webhook).
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
                               THEN now() ELSE i.completed_at END
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

CREATE OR REPLACE FUNCTION public.arbiter_lease_item(p_project uuid, p_annotator uuid, p_lease_seconds integer, p_new boolean)
 RETURNS uuid
 LANGUAGE plpgsql
AS $function$
BEGIN
  RETURN arbiter_lease_item(p_project, p_annotator, p_lease_seconds, p_new, NULL);
END;
$function$;

CREATE OR REPLACE FUNCTION public.arbiter_lease_item(p_project uuid, p_annotator uuid, p_lease_seconds integer, p_new boolean, p_gold_draw boolean)
 RETURNS uuid
 LANGUAGE plpgsql
AS $function$
BEGIN
  RETURN arbiter_lease_item(p_project, p_annotator, p_lease_seconds, p_new, p_gold_draw, NULL);
END;
$function$;

CREATE OR REPLACE FUNCTION public.arbiter_lease_item(p_project uuid, p_annotator uuid, p_lease_seconds integer, p_new boolean, p_gold_draw boolean, p_repeat_draw boolean)
 RETURNS uuid
 LANGUAGE plpgsql
AS $function$
-- p_gold_draw / p_repeat_draw: whether this lease is drawn to be gold / a consistency
-- repeat (arbiter_lease_many draws for its batch); NULL draws here.
DECLARE
  v_id uuid;
  v_item uuid;
  v_free boolean;
  v_passed uuid[] := '{}';
  v_gold_rate double precision;
  v_repeat_share double precision;
  v_qualification integer;
  v_status "AnnotatorStatus";
  v_gold_answered integer;
  v_gold boolean;
BEGIN
  SELECT gold_rate, COALESCE((qualification ->> 'qualificationItems')::integer, 0), repeat_share
    INTO v_gold_rate, v_qualification, v_repeat_share FROM projects WHERE id = p_project;
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
      SELECT l.id INTO v_id FROM arbiter_insert_leases(p_project, ARRAY[v_item], ARRAY[p_annotator], p_lease_seconds, false) AS l;
      IF v_id IS NOT NULL THEN
        RETURN v_id;
      END IF;
    END IF;
  END IF;

  -- A consistency repeat: an item the annotator answered, not gold, not repeated yet, and not
  -- the item they closed last (never the same item twice in a row).
  IF NOT v_gold AND v_status = 'ADMITTED' AND v_repeat_share > 0
     AND COALESCE(p_repeat_draw, random() < v_repeat_share) THEN
    SELECT a.item_id INTO v_item FROM assignments a JOIN items i ON i.id = a.item_id
     WHERE a.annotator_id = p_annotator AND a.project_id = p_project AND a.status = 'SUBMITTED'
       AND NOT a.is_repeat AND NOT i.is_gold AND i.status <> 'DISABLED'
       AND NOT EXISTS (SELECT 1 FROM assignments r WHERE r.item_id = a.item_id AND r.annotator_id = p_annotator
                         AND r.is_repeat AND (r.status <> 'ACTIVE' OR r.expires_at > now()))
       AND a.item_id IS DISTINCT FROM (SELECT l.item_id FROM assignments l
                                        WHERE l.annotator_id = p_annotator AND l.project_id = p_project
                                          AND l.closed_at IS NOT NULL
                                        ORDER BY l.closed_at DESC LIMIT 1)
     ORDER BY random() LIMIT 1;
    IF FOUND THEN
      SELECT l.id INTO v_id FROM arbiter_insert_leases(p_project, ARRAY[v_item], ARRAY[p_annotator], p_lease_seconds, true) AS l;
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
      SELECT l.id INTO v_id FROM arbiter_insert_leases(p_project, ARRAY[v_item], ARRAY[p_annotator], p_lease_seconds, false) AS l;
      IF v_id IS NOT NULL THEN
        RETURN v_id;
      END IF;
    END IF;
    v_passed := v_passed || v_item;
  END LOOP;
  RETURN NULL;
END;
$function$;

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
          v_repeats := v_repeats || false;
        ELSE
          v_free[v_pick] := v_free[v_pick] - 1;
          v_items := v_items || v_cand[v_pick];
          v_users := v_users || v_plain[k];
        END IF;
      END LOOP;
    ELSE
      v_rest := v_rest || v_plain;
      v_draws := v_draws || array_fill(false, ARRAY[cardinality(v_plain)]);
      v_repeats := v_repeats || array_fill(false, ARRAY[cardinality(v_plain)]);
    END IF;
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

CREATE OR REPLACE FUNCTION public.arbiter_record_judgment(p_assignment uuid, p_annotator uuid, p_key text, p_choice text, p_strength integer, p_ranking jsonb, p_answer jsonb, p_aspects jsonb, p_rationale text, p_flags text[], p_duration_ms integer, p_lease_seconds integer, p_new boolean)
 RETURNS TABLE(outcome text, judgment_id uuid, assignment_id uuid, project_id uuid, created_at timestamp with time zone, counted boolean, next_id uuid, is_gold boolean)
 LANGUAGE plpgsql
AS $function$
DECLARE
  a assignments%ROWTYPE;
  j judgments%ROWTYPE;
  v_counted boolean := false;
  v_gold boolean;
  v_ranking jsonb;
  v_duration integer;
  v_repeat repeat_judgments%ROWTYPE;
BEGIN
  SELECT * INTO a FROM assignments WHERE id = p_assignment FOR UPDATE;
  IF NOT FOUND OR a.annotator_id <> p_annotator THEN
    RETURN QUERY SELECT 'not_found', NULL::uuid, NULL::uuid, NULL::uuid, NULL::timestamptz(3), NULL::boolean,
                        NULL::uuid, NULL::boolean;
    RETURN;
  END IF;
  SELECT i.is_gold INTO v_gold FROM items i WHERE i.id = a.item_id;
  SELECT * INTO j FROM judgments WHERE annotator_id = p_annotator AND idempotency_key = p_key;
  IF NOT FOUND THEN
    -- Keys are one namespace across ordinary and repeat answers.
    SELECT * INTO v_repeat FROM repeat_judgments WHERE annotator_id = p_annotator AND idempotency_key = p_key;
    IF FOUND THEN
      j.id := v_repeat.id;
      j.assignment_id := v_repeat.assignment_id;
      j.project_id := v_repeat.project_id;
      j.created_at := v_repeat.created_at;
      j.counted := false;
    END IF;
  END IF;
  IF j.id IS NOT NULL THEN
    RETURN QUERY SELECT CASE WHEN j.assignment_id = p_assignment THEN 'replayed' ELSE 'key_reused' END,
                        j.id, j.assignment_id, j.project_id, j.created_at, j.counted,
                        CASE WHEN p_lease_seconds IS NULL THEN NULL
                             ELSE arbiter_lease_item(a.project_id, p_annotator, p_lease_seconds, p_new) END,
                        v_gold;
    RETURN;
  END IF;
  IF a.status <> 'ACTIVE' THEN
    RETURN QUERY SELECT CASE WHEN a.status = 'SUBMITTED' THEN 'already_judged' ELSE 'skipped' END,
                        NULL::uuid, NULL::uuid, NULL::uuid, NULL::timestamptz(3), NULL::boolean, NULL::uuid,
                        NULL::boolean;
    RETURN;
  END IF;
  SELECT jsonb_agg((SELECT jsonb_agg(a.shown_order[ascii(k) - 64] ORDER BY ord)
                      FROM jsonb_array_elements_text(grp) WITH ORDINALITY AS e(k, ord)) ORDER BY gord)
    INTO v_ranking FROM jsonb_array_elements(p_ranking) WITH ORDINALITY AS g(grp, gord);
  -- The time taken is at most what the server saw since it handed out the assignment.
  v_duration := LEAST(p_duration_ms, floor(extract(epoch FROM now() - a.created_at) * 1000)::integer);
  IF a.is_repeat THEN
    -- A consistency repeat is kept for self-consistency only: never counted, item untouched.
    INSERT INTO repeat_judgments (assignment_id, item_id, project_id, annotator_id, idempotency_key, choice,
                                  strength, ranking, answer, aspects, rationale, flags, duration_ms, late)
    VALUES (p_assignment, a.item_id, a.project_id, p_annotator, p_key, p_choice, p_strength, v_ranking, p_answer,
            p_aspects, p_rationale, p_flags, v_duration, a.expires_at <= now())
    RETURNING repeat_judgments.id, repeat_judgments.assignment_id, repeat_judgments.project_id,
              repeat_judgments.created_at
      INTO j.id, j.assignment_id, j.project_id, j.created_at;
    j.counted := false;
  ELSE
    IF NOT v_gold THEN
      -- A fixed-overlap item completes at its wanted count; a dynamic one (judgments_max set)
      -- only at its max: below that it waits, unleasable, for arbiter_decide_items. (GREATEST
      -- skips the NULL max of a fixed item.)
      UPDATE items SET judgments_count = judgments_count + 1,
             status = CASE WHEN judgments_count + 1 >= GREATEST(judgments_wanted, judgments_max)
                           THEN 'COMPLETE'::"ItemStatus" ELSE status END,
             completed_at = CASE WHEN judgments_count + 1 >= GREATEST(judgments_wanted, judgments_max)
                                 THEN now() ELSE completed_at END
       WHERE id = a.item_id AND status = 'OPEN' AND judgments_count < judgments_wanted;
      v_counted := FOUND;
    END IF;
    INSERT INTO judgments (assignment_id, item_id, project_id, annotator_id, idempotency_key, choice, strength,
                           ranking, answer, aspects, rationale, flags, duration_ms, counted, late)
    VALUES (p_assignment, a.item_id, a.project_id, p_annotator, p_key, p_choice, p_strength, v_ranking, p_answer,
            p_aspects, p_rationale, p_flags, v_duration, v_counted, a.expires_at <= now())
    RETURNING * INTO j;
  END IF;
  UPDATE assignments SET status = 'SUBMITTED', closed_at = now() WHERE id = p_assignment;
  RETURN QUERY SELECT 'created', j.id, j.assignment_id, j.project_id, j.created_at, j.counted,
                      CASE WHEN p_lease_seconds IS NULL THEN NULL
                           ELSE arbiter_lease_item(a.project_id, p_annotator, p_lease_seconds, p_new) END,
                      v_gold;
END;
$function$;
