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
    -- Gold answers are scored, and recorded, by the API after this (quality/control.ts).
    SELECT x.record INTO v_state
      FROM arbiter_record_answers(ARRAY[p.id], ARRAY[p_annotator], ARRAY[p_first], ARRAY[NULL::boolean],
                                  ARRAY[NULL::double precision]) AS x;
  END IF;
  RETURN QUERY SELECT r.outcome, r.judgment_id, r.assignment_id, r.project_id, r.created_at, r.counted, r.is_gold,
                      v_state, arbiter_assignment_dto(r.next_id), NULL::json;
END;
$function$;
