CREATE OR REPLACE FUNCTION public.arbiter_record_answers(p_projects uuid[], p_annotators uuid[], p_firsts text[], p_gold_correct boolean[], p_honest double precision[])
 RETURNS TABLE(annotator uuid, record json)
 LANGUAGE sql
AS $function$
  -- The one implementation of the quality record: each annotator's running record in a
  -- project gains one new answer (at most one per annotator per call). Gold answers
  -- (correct true/false; NULL for any other item) step the log-likelihood ratio of "answers
  -- like an honest annotator" (right p_honest of the time, at least a little above chance)
  -- against "answers at random" (right one time in K). The shown order of every item is
  -- random, so choosing the first-shown option is counted for position bias, gold included.
  -- The answers meet their projects first (a materialized CTE), so that each record is
  -- then probed by its primary key: joined with the projects in one step, the planner
  -- walked every annotator of the project for each answer.
  WITH a AS MATERIALIZED (
    SELECT a.*, p.options_per_item, p.qualification, COALESCE((p.crowd ->> 'enabled')::boolean, false) AS crowd,
           1.0::float8 / p.options_per_item AS chance,
           GREATEST(a.honest, 1.0::float8 / p.options_per_item + 0.01) AS honest_floor
      FROM unnest(p_projects, p_annotators, p_firsts, p_gold_correct, p_honest) AS a(project, usr, first, correct, honest)
      JOIN projects p ON p.id = a.project)
  UPDATE annotator_states s
     SET gold_answered = s.gold_answered + (a.correct IS NOT NULL)::int,
         gold_correct = s.gold_correct + COALESCE(a.correct, false)::int,
         gold_llr = s.gold_llr + CASE WHEN a.correct IS NULL THEN 0
                                      WHEN a.correct THEN ln(a.honest_floor / a.chance)
                                      ELSE ln((1 - a.honest_floor) / (1 - a.chance)) END,
         decisive = s.decisive + (a.first IS NOT NULL)::int,
         first_shown = s.first_shown + (a.first IS NOT DISTINCT FROM 'A')::int
    FROM a
   WHERE s.project_id = a.project AND s.user_id = a.usr
  RETURNING s.user_id, json_build_object(
    'status', s.status, 'gold_answered', s.gold_answered, 'gold_correct', s.gold_correct,
    'gold_llr', s.gold_llr, 'decisive', s.decisive, 'first_shown', s.first_shown,
    'qualification', a.qualification, 'options_per_item', a.options_per_item, 'crowd', a.crowd)
$function$;
