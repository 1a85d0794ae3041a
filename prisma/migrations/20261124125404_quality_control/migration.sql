-- CreateEnum
CREATE TYPE "AnnotatorStatus" AS ENUM ('QUALIFYING', 'ADMITTED', 'REJECTED', 'QUARANTINED');

-- AlterTable
ALTER TABLE "judgments" ADD COLUMN     "gold_correct" BOOLEAN;

-- AlterTable
ALTER TABLE "projects" ADD COLUMN     "crowd" JSONB;

-- CreateTable
CREATE TABLE "annotator_states" (
    "project_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "status" "AnnotatorStatus" NOT NULL DEFAULT 'QUALIFYING',
    "gold_answered" INTEGER NOT NULL DEFAULT 0,
    "gold_correct" INTEGER NOT NULL DEFAULT 0,
    "gold_llr" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "decisive" INTEGER NOT NULL DEFAULT 0,
    "first_shown" INTEGER NOT NULL DEFAULT 0,
    "reason" TEXT,
    "changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "changed_by_id" UUID,

    CONSTRAINT "annotator_states_pkey" PRIMARY KEY ("project_id","user_id")
);

-- CreateTable
CREATE TABLE "external_identities" (
    "platform" TEXT NOT NULL,
    "external_id" TEXT NOT NULL,
    "user_id" UUID NOT NULL,
    "study_id" TEXT,
    "session_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "external_identities_pkey" PRIMARY KEY ("platform","external_id")
);

-- CreateIndex
CREATE INDEX "annotator_states_project_id_status_idx" ON "annotator_states"("project_id", "status");

-- CreateIndex
CREATE INDEX "external_identities_user_id_idx" ON "external_identities"("user_id");

-- AddForeignKey
ALTER TABLE "annotator_states" ADD CONSTRAINT "annotator_states_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "annotator_states" ADD CONSTRAINT "annotator_states_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "external_identities" ADD CONSTRAINT "external_identities_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Gold items are mixed into the stream: an annotator still qualifying gets only gold
-- items (qualification.qualificationItems of them), afterwards a share goldRate. Gold
-- items have no overlap limit (every annotator may see each once) and never count
-- towards an item's judgments. Quarantined and rejected annotators get nothing new.
DROP FUNCTION arbiter_lease_item(uuid, uuid, integer, boolean);
CREATE FUNCTION arbiter_lease_item(p_project uuid, p_annotator uuid, p_lease_seconds integer, p_new boolean)
RETURNS uuid LANGUAGE plpgsql VOLATILE AS $$
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

  v_gold := (v_status = 'QUALIFYING' AND v_gold_answered < v_qualification) OR random() < v_gold_rate;
  IF v_gold THEN
    SELECT i.id INTO v_item FROM items i
     WHERE i.project_id = p_project AND i.is_gold AND i.status <> 'DISABLED'
       AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.item_id = i.id AND a.annotator_id = p_annotator
                         AND (a.status <> 'ACTIVE' OR a.expires_at > now()))
     ORDER BY random() LIMIT 1;
    IF FOUND THEN
      INSERT INTO assignments (item_id, project_id, annotator_id, status, shown_order, expires_at)
      VALUES (v_item, p_project, p_annotator, 'ACTIVE',
              (SELECT array_agg(completion_id ORDER BY random()) FROM item_completions WHERE item_id = v_item),
              now() + make_interval(secs => p_lease_seconds))
      ON CONFLICT (item_id, annotator_id) DO UPDATE
         SET shown_order = EXCLUDED.shown_order, expires_at = EXCLUDED.expires_at, created_at = now()
       WHERE assignments.status = 'ACTIVE' AND assignments.expires_at <= now()
      RETURNING id INTO v_id;
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
      INSERT INTO assignments (item_id, project_id, annotator_id, status, shown_order, expires_at)
      VALUES (v_item, p_project, p_annotator, 'ACTIVE',
              (SELECT array_agg(completion_id ORDER BY random()) FROM item_completions WHERE item_id = v_item),
              now() + make_interval(secs => p_lease_seconds))
      ON CONFLICT (item_id, annotator_id) DO UPDATE
         SET shown_order = EXCLUDED.shown_order, expires_at = EXCLUDED.expires_at, created_at = now()
       WHERE assignments.status = 'ACTIVE' AND assignments.expires_at <= now()
      RETURNING id INTO v_id;
      IF v_id IS NOT NULL THEN
        RETURN v_id;
      END IF;
    END IF;
    v_passed := v_passed || v_item;
  END LOOP;
  RETURN NULL;
END;
$$;

-- As before, plus: answers to gold items never count towards the item's judgments, and
-- the result says whether the item was gold, for the quality checks that follow.
DROP FUNCTION arbiter_record_judgment(uuid, uuid, text, text, integer, jsonb, jsonb, jsonb, text, text[], integer,
                                      integer, boolean);
CREATE FUNCTION arbiter_record_judgment(
  p_assignment uuid, p_annotator uuid, p_key text, p_choice text, p_strength integer, p_ranking jsonb,
  p_answer jsonb, p_aspects jsonb, p_rationale text, p_flags text[], p_duration_ms integer,
  p_lease_seconds integer, p_new boolean)
RETURNS TABLE (outcome text, judgment_id uuid, assignment_id uuid, project_id uuid, created_at timestamptz(3),
               counted boolean, next_id uuid, is_gold boolean)
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  a assignments%ROWTYPE;
  j judgments%ROWTYPE;
  v_counted boolean := false;
  v_gold boolean;
  v_ranking jsonb;
BEGIN
  SELECT * INTO a FROM assignments WHERE id = p_assignment FOR UPDATE;
  IF NOT FOUND OR a.annotator_id <> p_annotator THEN
    RETURN QUERY SELECT 'not_found', NULL::uuid, NULL::uuid, NULL::uuid, NULL::timestamptz(3), NULL::boolean,
                        NULL::uuid, NULL::boolean;
    RETURN;
  END IF;
  SELECT i.is_gold INTO v_gold FROM items i WHERE i.id = a.item_id;
  SELECT * INTO j FROM judgments WHERE annotator_id = p_annotator AND idempotency_key = p_key;
  IF FOUND THEN
    RETURN QUERY SELECT CASE WHEN j.assignment_id = p_assignment THEN 'replayed' ELSE 'key_reused' END,
                        j.id, j.assignment_id, j.project_id, j.created_at, j.counted,
                        CASE WHEN p_lease_seconds IS NULL THEN NULL
                             ELSE arbiter_lease_item(a.project_id, p_annotator, p_lease_seconds, p_new) END,
                        v_gold;
    RETURN;
  END IF;
  IF a.status <> 'ACTIVE' THEN
    RETURN QUERY SELECT CASE WHEN a.status = 'SUBMITTED' THEN 'already_judged' ELSE 'skipped' END,
                        NULL::uuid, NULL::uuid, NULL::uuid, NULL::timestamptz(3), NULL::boolean, NULL::uuid,
                        NULL::boolean;
    RETURN;
  END IF;
  SELECT jsonb_agg((SELECT jsonb_agg(a.shown_order[ascii(k) - 64] ORDER BY ord)
                      FROM jsonb_array_elements_text(grp) WITH ORDINALITY AS e(k, ord)) ORDER BY gord)
    INTO v_ranking FROM jsonb_array_elements(p_ranking) WITH ORDINALITY AS g(grp, gord);
  IF NOT v_gold THEN
    UPDATE items SET judgments_count = judgments_count + 1,
           status = CASE WHEN judgments_count + 1 >= judgments_wanted THEN 'COMPLETE'::"ItemStatus" ELSE status END,
           completed_at = CASE WHEN judgments_count + 1 >= judgments_wanted THEN now() ELSE completed_at END
     WHERE id = a.item_id AND status = 'OPEN' AND judgments_count < judgments_wanted;
    v_counted := FOUND;
  END IF;
  INSERT INTO judgments (assignment_id, item_id, project_id, annotator_id, idempotency_key, choice, strength,
                         ranking, answer, aspects, rationale, flags, duration_ms, counted, late)
  VALUES (p_assignment, a.item_id, a.project_id, p_annotator, p_key, p_choice, p_strength, v_ranking, p_answer,
          p_aspects, p_rationale, p_flags, p_duration_ms, v_counted, a.expires_at <= now())
  RETURNING * INTO j;
  UPDATE assignments SET status = 'SUBMITTED', closed_at = now() WHERE id = p_assignment;
  RETURN QUERY SELECT 'created', j.id, j.assignment_id, j.project_id, j.created_at, j.counted,
                      CASE WHEN p_lease_seconds IS NULL THEN NULL
                           ELSE arbiter_lease_item(a.project_id, p_annotator, p_lease_seconds, p_new) END,
                      v_gold;
END;
$$;
