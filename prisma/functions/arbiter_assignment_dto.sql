CREATE OR REPLACE FUNCTION public.arbiter_assignment_dto(p_assignment uuid)
 RETURNS json
 LANGUAGE plpgsql
 STABLE
AS $function$
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
$function$;
