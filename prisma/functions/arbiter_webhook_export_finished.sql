CREATE OR REPLACE FUNCTION public.arbiter_webhook_export_finished()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  PERFORM arbiter_webhook_emit(NEW.project_id,
    CASE NEW.status WHEN 'SUCCEEDED' THEN 'export.succeeded' ELSE 'export.failed' END,
    jsonb_build_object('projectId', NEW.project_id, 'exportId', NEW.id, 'format', NEW.format,
      'status', NEW.status, 'rowCount', NEW.row_count, 'error', NEW.error, 'finishedAt', NEW.finished_at));
  RETURN NULL;
END $function$;

CREATE OR REPLACE TRIGGER webhook_export_finished AFTER UPDATE OF status ON public.exports FOR EACH ROW WHEN (((new.status = ANY (ARRAY['SUCCEEDED'::"JobStatus", 'FAILED'::"JobStatus"])) AND (old.status IS DISTINCT FROM new.status))) EXECUTE FUNCTION arbiter_webhook_export_finished();
