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
BEGIN
  SELECT * INTO a FROM assignments WHERE id = p_assignment FOR UPDATE;
  IF NOT FOUND OR a.annotator_id <> p_annotator THEN
    RETURN QUERY SELECT 'not_found', NULL::uuid, NULL::uuid, NULL::uuid, NULL::timestamptz(3), NULL::boolean,
                        NULL::uuid, NULL::boolean;
    RETURN;
  END IF;
  SELECT i.is_gold INTO v_gold FROM items i WHERE i.id = a.item_id;
  SELECT * INTO j FROM judgments WHERE annotator_id = p_annotator AND idempotency_key = p_key;
  IF FOUND THEN
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
  IF NOT v_gold THEN
    UPDATE items SET judgments_count = judgments_count + 1,
           status = CASE WHEN judgments_count + 1 >= judgments_wanted THEN 'COMPLETE'::"ItemStatus" ELSE status END,
           completed_at = CASE WHEN judgments_count + 1 >= judgments_wanted THEN now() ELSE completed_at END
     WHERE id = a.item_id AND status = 'OPEN' AND judgments_count < judgments_wanted;
    v_counted := FOUND;
  END IF;
  INSERT INTO judgments (assignment_id, item_id, project_id, annotator_id, idempotency_key, choice, strength,
                         ranking, answer, aspects, rationale, flags, duration_ms, counted, late)
  VALUES (p_assignment, a.item_id, a.project_id, p_annotator, p_key, p_choice, p_strength, v_ranking, p_answer,
          p_aspects, p_rationale, p_flags, p_duration_ms, v_counted, a.expires_at <= now())
  RETURNING * INTO j;
  UPDATE assignments SET status = 'SUBMITTED', closed_at = now() WHERE id = p_assignment;
  RETURN QUERY SELECT 'created', j.id, j.assignment_id, j.project_id, j.created_at, j.counted,
                      CASE WHEN p_lease_seconds IS NULL THEN NULL
                           ELSE arbiter_lease_item(a.project_id, p_annotator, p_lease_seconds, p_new) END,
                      v_gold;
END;
$function$;
