CREATE OR REPLACE FUNCTION public.arbiter_lease_dto(p_project uuid, p_annotator uuid, p_lease_seconds integer, p_new boolean)
 RETURNS json
 LANGUAGE plpgsql
AS $function$
DECLARE
  v_id uuid;
BEGIN
  v_id := arbiter_lease_item(p_project, p_annotator, p_lease_seconds, p_new);
  IF v_id IS NULL THEN
    RETURN NULL;
  END IF;
  RETURN arbiter_assignment_dto(v_id);
END;
$function$;
