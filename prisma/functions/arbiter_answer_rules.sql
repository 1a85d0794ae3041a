CREATE OR REPLACE FUNCTION public.arbiter_answer_rules(p_task_type "TaskType", p_questions jsonb)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
AS $function$
  SELECT md5(p_task_type::text || ':' || p_questions::text)
$function$;
