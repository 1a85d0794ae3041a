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
                                 THEN now() ELSE completed_at END,
             priority = arbiter_counted_priority(priority, judgments_count + 1, judgments_wanted, judgments_max)
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
