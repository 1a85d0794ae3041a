-- The annotation hot path as two functions, so that leasing an item and recording an
-- answer each cost one round-trip. Both are VOLATILE: under READ COMMITTED every
-- statement inside takes a fresh snapshot, which the capacity re-check relies on.

-- The annotator's live assignment in the project, or (when p_new is true) a new lease
-- on the open item nearest to completion (then oldest) they have not seen; NULL when
-- none is left.
-- Candidates are locked with SKIP LOCKED; capacity (counted judgments + live leases <
-- wanted) is checked again after the lock, by a statement that sees every lease
-- committed by whoever held the lock before.
CREATE FUNCTION arbiter_lease_item(p_project uuid, p_annotator uuid, p_lease_seconds integer, p_new boolean)
RETURNS uuid LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  v_id uuid;
  v_item uuid;
  v_free boolean;
  v_passed uuid[] := '{}';
BEGIN
  SELECT id INTO v_id FROM assignments
   WHERE annotator_id = p_annotator AND project_id = p_project AND status = 'ACTIVE' AND expires_at > now()
   ORDER BY created_at LIMIT 1;
  IF FOUND OR NOT p_new THEN
    RETURN v_id;
  END IF;
  FOR attempt IN 1..20 LOOP
    SELECT i.id INTO v_item FROM items i
     WHERE i.project_id = p_project AND i.status = 'OPEN' AND NOT (i.id = ANY (v_passed))
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
      -- A lapsed lease of this annotator on the same item is renewed, not duplicated;
      -- the options are shuffled afresh for every lease.
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

-- Records an answer exactly once. The assignment row lock serialises retries carrying
-- the same idempotency key; a late answer is kept and counted only if the item still
-- wants a judgment. p_ranking holds shown option keys grouped best-first and is
-- resolved to completion ids through the assignment's shown order. The next assignment
-- (arbiter_lease_item with p_lease_seconds, p_new) is leased in the same round-trip,
-- unless p_lease_seconds is NULL (the annotator may not continue in the project).
CREATE FUNCTION arbiter_record_judgment(
  p_assignment uuid, p_annotator uuid, p_key text, p_choice text, p_strength integer, p_ranking jsonb,
  p_answer jsonb, p_aspects jsonb, p_rationale text, p_flags text[], p_duration_ms integer,
  p_lease_seconds integer, p_new boolean)
RETURNS TABLE (outcome text, judgment_id uuid, assignment_id uuid, project_id uuid, created_at timestamptz(3),
               counted boolean, next_id uuid)
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  a assignments%ROWTYPE;
  j judgments%ROWTYPE;
  v_counted boolean;
  v_ranking jsonb;
BEGIN
  SELECT * INTO a FROM assignments WHERE id = p_assignment FOR UPDATE;
  IF NOT FOUND OR a.annotator_id <> p_annotator THEN
    RETURN QUERY SELECT 'not_found', NULL::uuid, NULL::uuid, NULL::uuid, NULL::timestamptz(3), NULL::boolean,
                        NULL::uuid;
    RETURN;
  END IF;
  SELECT * INTO j FROM judgments WHERE annotator_id = p_annotator AND idempotency_key = p_key;
  IF FOUND THEN
    RETURN QUERY SELECT CASE WHEN j.assignment_id = p_assignment THEN 'replayed' ELSE 'key_reused' END,
                        j.id, j.assignment_id, j.project_id, j.created_at, j.counted,
                        CASE WHEN p_lease_seconds IS NULL THEN NULL
                             ELSE arbiter_lease_item(a.project_id, p_annotator, p_lease_seconds, p_new) END;
    RETURN;
  END IF;
  IF a.status <> 'ACTIVE' THEN
    RETURN QUERY SELECT CASE WHEN a.status = 'SUBMITTED' THEN 'already_judged' ELSE 'skipped' END,
                        NULL::uuid, NULL::uuid, NULL::uuid, NULL::timestamptz(3), NULL::boolean, NULL::uuid;
    RETURN;
  END IF;
  SELECT jsonb_agg((SELECT jsonb_agg(a.shown_order[ascii(k) - 64] ORDER BY ord)
                      FROM jsonb_array_elements_text(grp) WITH ORDINALITY AS e(k, ord)) ORDER BY gord)
    INTO v_ranking FROM jsonb_array_elements(p_ranking) WITH ORDINALITY AS g(grp, gord);
  UPDATE items SET judgments_count = judgments_count + 1,
         status = CASE WHEN judgments_count + 1 >= judgments_wanted THEN 'COMPLETE'::"ItemStatus" ELSE status END,
         completed_at = CASE WHEN judgments_count + 1 >= judgments_wanted THEN now() ELSE completed_at END
   WHERE id = a.item_id AND status = 'OPEN' AND judgments_count < judgments_wanted;
  v_counted := FOUND;
  INSERT INTO judgments (assignment_id, item_id, project_id, annotator_id, idempotency_key, choice, strength,
                         ranking, answer, aspects, rationale, flags, duration_ms, counted, late)
  VALUES (p_assignment, a.item_id, a.project_id, p_annotator, p_key, p_choice, p_strength, v_ranking, p_answer,
          p_aspects, p_rationale, p_flags, p_duration_ms, v_counted, a.expires_at <= now())
  RETURNING * INTO j;
  UPDATE assignments SET status = 'SUBMITTED', closed_at = now() WHERE id = p_assignment;
  RETURN QUERY SELECT 'created', j.id, j.assignment_id, j.project_id, j.created_at, j.counted,
                      CASE WHEN p_lease_seconds IS NULL THEN NULL
                           ELSE arbiter_lease_item(a.project_id, p_annotator, p_lease_seconds, p_new) END;
END;
$$;
