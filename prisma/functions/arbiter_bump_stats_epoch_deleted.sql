CREATE OR REPLACE FUNCTION public.arbiter_bump_stats_epoch_deleted()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  UPDATE projects SET stats_epoch = stats_epoch + 1 WHERE id IN (SELECT DISTINCT project_id FROM gone);
  RETURN NULL;
END $function$;

CREATE OR REPLACE TRIGGER judgments_stats_epoch_delete AFTER DELETE ON public.judgments REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION arbiter_bump_stats_epoch_deleted();
