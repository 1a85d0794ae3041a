CREATE OR REPLACE FUNCTION public.arbiter_webhook_annotator_quarantined()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  PERFORM arbiter_webhook_emit(NEW.project_id, 'annotator.quarantined',
    jsonb_build_object('projectId', NEW.project_id, 'userId', NEW.user_id, 'reason', NEW.reason,
      'changedAt', NEW.changed_at));
  RETURN NULL;
END $function$;

CREATE OR REPLACE TRIGGER webhook_annotator_quarantined AFTER UPDATE OF status ON public.annotator_states FOR EACH ROW WHEN (((new.status = 'QUARANTINED'::"AnnotatorStatus") AND (old.status IS DISTINCT FROM new.status))) EXECUTE FUNCTION arbiter_webhook_annotator_quarantined();

CREATE OR REPLACE TRIGGER webhook_annotator_quarantined_insert AFTER INSERT ON public.annotator_states FOR EACH ROW WHEN ((new.status = 'QUARANTINED'::"AnnotatorStatus")) EXECUTE FUNCTION arbiter_webhook_annotator_quarantined();
