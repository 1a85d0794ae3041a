-- Webhooks: endpoints, and the outbox of events and their deliveries. Tables from
-- `prisma migrate diff`; the functions and triggers that write the outbox in the same
-- transaction as the change they report are the text of prisma/functions/arbiter_webhook_*.sql.

-- CreateEnum
CREATE TYPE "WebhookDeliveryStatus" AS ENUM ('PENDING', 'DELIVERED', 'FAILED');

-- CreateTable
CREATE TABLE "webhook_endpoints" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "project_id" UUID,
    "url" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "events" TEXT[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "secret_ciphertext" BYTEA NOT NULL,
    "previous_secret_ciphertext" BYTEA,
    "previous_secret_expires_at" TIMESTAMPTZ(3),
    "judgment_cursor_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "judgment_cursor_id" UUID,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhook_endpoints_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_events" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "project_id" UUID,
    "type" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhook_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_deliveries" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "event_id" UUID NOT NULL,
    "endpoint_id" UUID NOT NULL,
    "status" "WebhookDeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "status_code" INTEGER,
    "duration_ms" INTEGER,
    "error" TEXT,
    "next_retry_at" TIMESTAMPTZ(3),
    "delivered_at" TIMESTAMPTZ(3),
    "enqueued_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhook_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "webhook_endpoints_project_id_idx" ON "webhook_endpoints"("project_id");

-- CreateIndex
CREATE INDEX "webhook_deliveries_endpoint_id_created_at_idx" ON "webhook_deliveries"("endpoint_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "webhook_deliveries_status_enqueued_at_idx" ON "webhook_deliveries"("status", "enqueued_at");

-- AddForeignKey
ALTER TABLE "webhook_endpoints" ADD CONSTRAINT "webhook_endpoints_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_endpoints" ADD CONSTRAINT "webhook_endpoints_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "webhook_events"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_endpoint_id_fkey" FOREIGN KEY ("endpoint_id") REFERENCES "webhook_endpoints"("id") ON DELETE CASCADE ON UPDATE CASCADE;


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

CREATE OR REPLACE FUNCTION public.arbiter_webhook_project_completed()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  -- Runs only when an item completes (the trigger's WHEN), and then probes the items index.
  IF NOT EXISTS (SELECT 1 FROM items WHERE project_id = NEW.project_id AND status = 'OPEN') THEN
    PERFORM arbiter_webhook_emit(NEW.project_id, 'project.completed',
      jsonb_build_object('projectId', NEW.project_id, 'completedAt', now()));
  END IF;
  RETURN NULL;
END $function$;

CREATE OR REPLACE TRIGGER webhook_export_finished AFTER UPDATE OF status ON public.exports FOR EACH ROW WHEN (((new.status = ANY (ARRAY['SUCCEEDED'::"JobStatus", 'FAILED'::"JobStatus"])) AND (old.status IS DISTINCT FROM new.status))) EXECUTE FUNCTION arbiter_webhook_export_finished();
CREATE OR REPLACE TRIGGER webhook_run_finished AFTER UPDATE OF status ON public.generation_runs FOR EACH ROW WHEN (((new.status = ANY (ARRAY['SUCCEEDED'::"JobStatus", 'FAILED'::"JobStatus", 'CANCELLED'::"JobStatus"])) AND (old.status IS DISTINCT FROM new.status))) EXECUTE FUNCTION arbiter_webhook_run_finished();
CREATE OR REPLACE TRIGGER webhook_annotator_quarantined AFTER UPDATE OF status ON public.annotator_states FOR EACH ROW WHEN (((new.status = 'QUARANTINED'::"AnnotatorStatus") AND (old.status IS DISTINCT FROM new.status))) EXECUTE FUNCTION arbiter_webhook_annotator_quarantined();
CREATE OR REPLACE TRIGGER webhook_annotator_quarantined_insert AFTER INSERT ON public.annotator_states FOR EACH ROW WHEN ((new.status = 'QUARANTINED'::"AnnotatorStatus")) EXECUTE FUNCTION arbiter_webhook_annotator_quarantined();
CREATE OR REPLACE TRIGGER webhook_project_completed AFTER UPDATE OF status ON public.items FOR EACH ROW WHEN (((new.status = 'COMPLETE'::"ItemStatus") AND (old.status IS DISTINCT FROM new.status))) EXECUTE FUNCTION arbiter_webhook_project_completed();
