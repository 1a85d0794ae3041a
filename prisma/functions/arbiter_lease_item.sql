CREATE OR REPLACE FUNCTION public.arbiter_lease_item(p_project uuid, p_annotator uuid, p_lease_seconds integer, p_new boolean)
 RETURNS uuid
 LANGUAGE plpgsql
AS $function$
BEGIN
  RETURN arbiter_lease_item(p_project, p_annotator, p_lease_seconds, p_new, NULL);
END;
$function$;

CREATE OR REPLACE FUNCTION public.arbiter_lease_item(p_project uuid, p_annotator uuid, p_lease_seconds integer, p_new boolean, p_gold_draw boolean)
 RETURNS uuid
 LANGUAGE plpgsql
AS $function$
DECLARE
  v_id uuid;
  v_item uuid;
  v_free boolean;
  v_passed uuid[] := '{}';
  v_gold_rate double precision;
  v_qualification integer;
  v_status "AnnotatorStatus";
  v_gold_answered integer;
  v_gold boolean;
BEGIN
  SELECT gold_rate, COALESCE((qualification ->> 'qualificationItems')::integer, 0)
    INTO v_gold_rate, v_qualification FROM projects WHERE id = p_project;
  SELECT status, gold_answered INTO v_status, v_gold_answered
    FROM annotator_states WHERE project_id = p_project AND user_id = p_annotator;
  IF NOT FOUND THEN
    v_status := CASE WHEN v_qualification > 0 THEN 'QUALIFYING' ELSE 'ADMITTED' END;
    v_gold_answered := 0;
    INSERT INTO annotator_states (project_id, user_id, status) VALUES (p_project, p_annotator, v_status)
    ON CONFLICT DO NOTHING;
  END IF;
  IF v_status IN ('QUARANTINED', 'REJECTED') THEN
    RETURN NULL;
  END IF;
  SELECT id INTO v_id FROM assignments
   WHERE annotator_id = p_annotator AND project_id = p_project AND status = 'ACTIVE' AND expires_at > now()
   ORDER BY created_at LIMIT 1;
  IF FOUND OR NOT p_new THEN
    RETURN v_id;
  END IF;

  v_gold := (v_status = 'QUALIFYING' AND v_gold_answered < v_qualification)
    OR (COALESCE(p_gold_draw, random() < v_gold_rate)
        AND EXISTS (SELECT 1 FROM items i
                     WHERE i.project_id = p_project AND i.status = 'OPEN' AND NOT i.is_gold
                       AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.item_id = i.id
                                         AND a.annotator_id = p_annotator)));
  IF v_gold THEN
    SELECT i.id INTO v_item FROM items i
     WHERE i.project_id = p_project AND i.is_gold AND i.status <> 'DISABLED'
       AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.item_id = i.id AND a.annotator_id = p_annotator
                         AND (a.status <> 'ACTIVE' OR a.expires_at > now()))
     ORDER BY random() LIMIT 1;
    IF FOUND THEN
      SELECT l.id INTO v_id FROM arbiter_insert_leases(p_project, ARRAY[v_item], ARRAY[p_annotator], p_lease_seconds) AS l;
      IF v_id IS NOT NULL THEN
        RETURN v_id;
      END IF;
    END IF;
  END IF;

  FOR attempt IN 1..20 LOOP
    SELECT i.id INTO v_item FROM items i
     WHERE i.project_id = p_project AND i.status = 'OPEN' AND NOT i.is_gold AND NOT (i.id = ANY (v_passed))
       AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.item_id = i.id AND a.annotator_id = p_annotator
                         AND (a.status <> 'ACTIVE' OR a.expires_at > now()))
       AND i.judgments_count + (SELECT count(*) FROM assignments a WHERE a.item_id = i.id
                                  AND a.status = 'ACTIVE' AND a.expires_at > now()) < i.judgments_wanted
     ORDER BY i.priority DESC, i.judgments_count DESC, i.created_at
     LIMIT 1
     FOR UPDATE OF i SKIP LOCKED;
    IF NOT FOUND THEN
      RETURN NULL;
    END IF;
    SELECT i.status = 'OPEN' AND i.judgments_count + (SELECT count(*) FROM assignments a WHERE a.item_id = i.id
             AND a.status = 'ACTIVE' AND a.expires_at > now()) < i.judgments_wanted
      INTO v_free FROM items i WHERE i.id = v_item;
    IF v_free THEN
      SELECT l.id INTO v_id FROM arbiter_insert_leases(p_project, ARRAY[v_item], ARRAY[p_annotator], p_lease_seconds) AS l;
      IF v_id IS NOT NULL THEN
        RETURN v_id;
      END IF;
    END IF;
    v_passed := v_passed || v_item;
  END LOOP;
  RETURN NULL;
END;
$function$;
