CREATE OR REPLACE FUNCTION public.arbiter_project_creator_owns()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  INSERT INTO project_members (project_id, user_id, role) VALUES (NEW.id, NEW.created_by_id, 'OWNER')
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $function$;

CREATE OR REPLACE TRIGGER project_creator_owns AFTER INSERT ON public.projects FOR EACH ROW EXECUTE FUNCTION arbiter_project_creator_owns();
