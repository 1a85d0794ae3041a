CREATE OR REPLACE FUNCTION public.arbiter_bump_stats_epoch_row()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  UPDATE projects SET stats_epoch = stats_epoch + 1 WHERE id IN (OLD.project_id, NEW.project_id);
  RETURN NULL;
END $function$;

CREATE OR REPLACE TRIGGER items_stats_epoch_gold AFTER UPDATE OF is_gold ON public.items FOR EACH ROW WHEN ((old.is_gold IS DISTINCT FROM new.is_gold)) EXECUTE FUNCTION arbiter_bump_stats_epoch_row();

CREATE OR REPLACE TRIGGER judgments_stats_epoch_update AFTER UPDATE OF superseded_at, choice, strength, ranking, aspects, item_id, project_id, annotator_id, created_at, counted ON public.judgments FOR EACH ROW WHEN ((((old.superseded_at IS DISTINCT FROM new.superseded_at) AND (NOT ((old.superseded_at IS NULL) AND (new.superseded_at IS NOT NULL) AND ((new.superseded_at - new.created_at) <= '00:01:00'::interval) AND (new.created_at >= (now() - '00:01:00'::interval))))) OR (old.choice IS DISTINCT FROM new.choice) OR (old.strength IS DISTINCT FROM new.strength) OR (old.ranking IS DISTINCT FROM new.ranking) OR (old.aspects IS DISTINCT FROM new.aspects) OR (old.item_id IS DISTINCT FROM new.item_id) OR (old.project_id IS DISTINCT FROM new.project_id) OR (old.annotator_id IS DISTINCT FROM new.annotator_id) OR (old.created_at IS DISTINCT FROM new.created_at) OR (old.counted IS DISTINCT FROM new.counted))) EXECUTE FUNCTION arbiter_bump_stats_epoch_row();
