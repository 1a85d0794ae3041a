CREATE OR REPLACE FUNCTION public.arbiter_webhook_emit(p_project uuid, p_type text, p_data jsonb)
 RETURNS void
 LANGUAGE plpgsql
AS $function$
DECLARE
  v_event uuid;
BEGIN
  -- Nothing is written when no endpoint wants the event: the common case costs one index probe.
  IF NOT EXISTS (
    SELECT 1 FROM webhook_endpoints e
     WHERE e.active AND p_type = ANY (e.events) AND (e.project_id = p_project OR e.project_id IS NULL)
  ) THEN
    RETURN;
  END IF;
  INSERT INTO webhook_events (project_id, type, data) VALUES (p_project, p_type, p_data) RETURNING id INTO v_event;
  INSERT INTO webhook_deliveries (event_id, endpoint_id)
  SELECT v_event, e.id FROM webhook_endpoints e
   WHERE e.active AND p_type = ANY (e.events) AND (e.project_id = p_project OR e.project_id IS NULL);
END $function$;
