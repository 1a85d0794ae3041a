CREATE OR REPLACE FUNCTION public.arbiter_webhook_project_completed()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  -- Runs only when an item completes (the trigger's WHEN), and then probes the items index:
  -- the order is the index's, so the planner walks it to the first open item. (Under EXISTS
  -- it dropped the order and scanned the table, past every completed item, once per
  -- completion.)
  PERFORM 1 FROM items WHERE project_id = NEW.project_id AND status = 'OPEN' ORDER BY priority DESC LIMIT 1;
  IF NOT FOUND THEN
    PERFORM arbiter_webhook_emit(NEW.project_id, 'project.completed',
      jsonb_build_object('projectId', NEW.project_id, 'completedAt', now()));
  END IF;
  RETURN NULL;
END $function$;

CREATE OR REPLACE TRIGGER webhook_project_completed AFTER UPDATE OF status ON public.items FOR EACH ROW WHEN (((new.status = 'COMPLETE'::"ItemStatus") AND (old.status IS DISTINCT FROM new.status))) EXECUTE FUNCTION arbiter_webhook_project_completed();
