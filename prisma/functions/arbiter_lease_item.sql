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
BEGIN
  RETURN arbiter_lease_item(p_project, p_annotator, p_lease_seconds, p_new, p_gold_draw, NULL);
END;
$function$;

CREATE OR REPLACE FUNCTION public.arbiter_lease_item(p_project uuid, p_annotator uuid, p_lease_seconds integer, p_new boolean, p_gold_draw boolean, p_repeat_draw boolean)
 RETURNS uuid
 LANGUAGE plpgsql
AS $function$
-- p_gold_draw / p_repeat_draw: whether this lease is drawn to be gold / a consistency
-- repeat (arbiter_lease_many draws for its batch); NULL draws here.
DECLARE
  v_id uuid;
  v_item uuid;
  v_free boolean;
  v_passed uuid[] := '{}';
  v_gold_rate double precision;
  v_repeat_share double precision;
  v_qualification integer;
  v_status "AnnotatorStatus";
  v_gold_answered integer;
  v_gold boolean;
BEGIN
  SELECT gold_rate, COALESCE((qualification ->> 'qualificationItems')::integer, 0), repeat_share
    INTO v_gold_rate, v_qualification, v_repeat_share FROM projects WHERE id = p_project;
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
      SELECT l.id INTO v_id FROM arbiter_insert_leases(p_project, ARRAY[v_item], ARRAY[p_annotator], p_lease_seconds, false) AS l;
      IF v_id IS NOT NULL THEN
        RETURN v_id;
      END IF;
    END IF;
  END IF;

  -- A consistency repeat: an item the annotator answered, not gold, not repeated yet, and not
  -- the item they closed last (never the same item twice in a row).
  IF NOT v_gold AND v_status = 'ADMITTED' AND v_repeat_share > 0
     AND COALESCE(p_repeat_draw, random() < v_repeat_share) THEN
    SELECT a.item_id INTO v_item FROM assignments a JOIN items i ON i.id = a.item_id
     WHERE a.annotator_id = p_annotator AND a.project_id = p_project AND a.status = 'SUBMITTED'
       AND NOT a.is_repeat AND NOT i.is_gold AND i.status <> 'DISABLED'
       AND NOT EXISTS (SELECT 1 FROM assignments r WHERE r.item_id = a.item_id AND r.annotator_id = p_annotator
                         AND r.is_repeat AND (r.status <> 'ACTIVE' OR r.expires_at > now()))
       AND a.item_id IS DISTINCT FROM (SELECT l.item_id FROM assignments l
                                        WHERE l.annotator_id = p_annotator AND l.project_id = p_project
                                          AND l.closed_at IS NOT NULL
                                        ORDER BY l.closed_at DESC LIMIT 1)
     ORDER BY random() LIMIT 1;
    IF FOUND THEN
      SELECT l.id INTO v_id FROM arbiter_insert_leases(p_project, ARRAY[v_item], ARRAY[p_annotator], p_lease_seconds, true) AS l;
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
      SELECT l.id INTO v_id FROM arbiter_insert_leases(p_project, ARRAY[v_item], ARRAY[p_annotator], p_lease_seconds, false) AS l;
      IF v_id IS NOT NULL THEN
        RETURN v_id;
      END IF;
    END IF;
    v_passed := v_passed || v_item;
  END LOOP;
  RETURN NULL;
END;
$function$;
