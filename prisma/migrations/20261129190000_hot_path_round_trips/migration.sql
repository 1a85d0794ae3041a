-- One round-trip per annotation call. An API process may keep principals in memory
-- (skipping the credential lookup) because every hot-path statement re-checks the
-- credential itself; it may keep the answer rules of an assignment in memory because
-- arbiter_judge refuses an answer checked against rules other than the current ones.
-- The leasing and recording rules stay in arbiter_lease_item and
-- arbiter_record_judgment, unchanged.

-- The role a credential (an API key or a session of p_user) still carries: NULL when it
-- was revoked, has expired, or the user is suspended. Checked in the same statement as
-- the write, so a suspension or revocation takes effect at once in every API process,
-- whatever they remember.
CREATE FUNCTION arbiter_credential_role(p_user uuid, p_api_key uuid, p_session uuid)
RETURNS "Role" LANGUAGE sql STABLE AS $$
  SELECT u.role FROM users u
   WHERE u.id = p_user AND u.status = 'ACTIVE'
     AND (EXISTS (SELECT 1 FROM api_keys k
                   WHERE k.id = p_api_key AND k.user_id = p_user AND k.revoked_at IS NULL
                     AND (k.expires_at IS NULL OR k.expires_at > now()))
          OR EXISTS (SELECT 1 FROM sessions s
                      WHERE s.id = p_session AND s.user_id = p_user AND s.revoked_at IS NULL
                        AND s.expires_at > now()))
$$;

-- What answers to a project are checked against (task type and questions), as one value
-- that changes whenever they do.
CREATE FUNCTION arbiter_answer_rules(p_task_type "TaskType", p_questions jsonb) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT md5(p_task_type::text || ':' || p_questions::text)
$$;

-- The assignment as the annotator sees it (options in the shown order, no model names or
-- completion ids), plus the answer rules it is checked against.
CREATE FUNCTION arbiter_assignment_dto(p_assignment uuid) RETURNS json LANGUAGE sql STABLE AS $$
  SELECT json_build_object(
           'id', a.id, 'expiresAt', a.expires_at, 'guidelines', p.guidelines, 'taskType', p.task_type,
           'questions', p.questions, 'rules', arbiter_answer_rules(p.task_type, p.questions), 'messages', pr.messages, 'text', pr.text,
           'options', (SELECT COALESCE(json_agg(COALESCE(c.text, '') ORDER BY o.n), '[]')
                         FROM unnest(a.shown_order) WITH ORDINALITY AS o(id, n)
                         LEFT JOIN completions c ON c.id = o.id))
    FROM assignments a
    JOIN projects p ON p.id = a.project_id
    JOIN items i ON i.id = a.item_id
    JOIN prompts pr ON pr.id = i.prompt_id
   WHERE a.id = p_assignment
$$;

-- arbiter_lease_item, then the assignment's content. Two statements inside one function:
-- a single statement could not see the row its own function call inserts.
CREATE FUNCTION arbiter_lease_dto(p_project uuid, p_annotator uuid, p_lease_seconds integer, p_new boolean)
RETURNS json LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  v_id uuid;
BEGIN
  v_id := arbiter_lease_item(p_project, p_annotator, p_lease_seconds, p_new);
  IF v_id IS NULL THEN
    RETURN NULL;
  END IF;
  RETURN arbiter_assignment_dto(v_id);
END;
$$;

-- Answers an assignment in one round-trip: credential re-check, ownership, answer rules,
-- arbiter_record_judgment (which also leases the next assignment), the annotator's
-- running quality record for a non-gold answer, and the next assignment's content.
-- Outcomes beyond arbiter_record_judgment's: 'unauthenticated'; 'stale' when p_rules or
-- p_options differ from the assignment's (nothing is written; `rules` then says what the
-- answer must be checked against). Gold answers leave the quality record to the caller,
-- which scores them.
CREATE FUNCTION arbiter_judge(
  p_assignment uuid, p_annotator uuid, p_api_key uuid, p_session uuid, p_rules text, p_options integer,
  p_key text, p_choice text, p_strength integer, p_ranking jsonb, p_answer jsonb, p_aspects jsonb,
  p_rationale text, p_flags text[], p_duration_ms integer, p_first text)
RETURNS TABLE (outcome text, judgment_id uuid, assignment_id uuid, project_id uuid, created_at timestamptz(3),
               counted boolean, is_gold boolean, state json, next json, rules json)
LANGUAGE plpgsql VOLATILE AS $$
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
  -- Someone removed from the project's pools may still hand in what they hold, but gets
  -- nothing new.
  v_allowed := v_role <> 'ANNOTATOR' OR EXISTS (
    SELECT 1 FROM project_pools pp JOIN pool_members m ON m.pool_id = pp.pool_id
     WHERE pp.project_id = p.id AND m.user_id = p_annotator);
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
$$;
