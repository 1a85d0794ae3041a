CREATE OR REPLACE FUNCTION public.arbiter_webhook_run_finished()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  PERFORM arbiter_webhook_emit(NEW.project_id, 'generation_run.finished',
    jsonb_build_object('projectId', NEW.project_id, 'runId', NEW.id, 'status', NEW.status,
      'total', NEW.total, 'done', NEW.done, 'failed', NEW.failed, 'finishedAt', NEW.finished_at));
  RETURN NULL;
END $function$;

CREATE OR REPLACE TRIGGER webhook_run_finished AFTER UPDATE OF status ON public.generation_runs FOR EACH ROW WHEN (((new.status = ANY (ARRAY['SUCCEEDED'::"JobStatus", 'FAILED'::"JobStatus", 'CANCELLED'::"JobStatus"])) AND (old.status IS DISTINCT FROM new.status))) EXECUTE FUNCTION arbiter_webhook_run_finished();
