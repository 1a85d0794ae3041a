CREATE OR REPLACE FUNCTION public.arbiter_may_enter(p_project uuid, p_user uuid, p_role "Role")
 RETURNS boolean
 LANGUAGE sql
 STABLE
AS $function$
  SELECT p_role = 'ADMIN'
      OR EXISTS (SELECT 1 FROM project_pools pp JOIN pool_members m ON m.pool_id = pp.pool_id
                  WHERE pp.project_id = p_project AND m.user_id = p_user)
      OR EXISTS (SELECT 1 FROM project_members pm WHERE pm.project_id = p_project AND pm.user_id = p_user)
$function$;
