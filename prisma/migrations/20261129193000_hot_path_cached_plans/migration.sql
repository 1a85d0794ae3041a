-- The same functions as in hot_path_round_trips, in PL/pgSQL: a LANGUAGE sql function
-- that cannot be inlined is planned again on every call (measured here: the assignment's
-- content cost 0.5 ms of planning per call, three times its execution), while PL/pgSQL
-- keeps its plans for the life of the connection.

CREATE OR REPLACE FUNCTION arbiter_credential_role(p_user uuid, p_api_key uuid, p_session uuid)
RETURNS "Role" LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN (
    SELECT u.role FROM users u
     WHERE u.id = p_user AND u.status = 'ACTIVE'
       AND (EXISTS (SELECT 1 FROM api_keys k
                     WHERE k.id = p_api_key AND k.user_id = p_user AND k.revoked_at IS NULL
                       AND (k.expires_at IS NULL OR k.expires_at > now()))
            OR EXISTS (SELECT 1 FROM sessions s
                        WHERE s.id = p_session AND s.user_id = p_user AND s.revoked_at IS NULL
                          AND s.expires_at > now())));
END;
$$;

CREATE OR REPLACE FUNCTION arbiter_assignment_dto(p_assignment uuid) RETURNS json LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN (
    SELECT json_build_object(
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
     WHERE a.id = p_assignment);
END;
$$;
