-- The statistics' progress part (answers per hour and day, counted answers and active
-- annotators) is now kept per project in the API too, by hour of created_at, so an edit
-- of created_at or counted (quarantine uncounts an annotator's answers) also bumps the
-- project's stats_epoch. As before, appends fire nothing.
DROP TRIGGER judgments_stats_epoch_update ON "judgments";

CREATE TRIGGER judgments_stats_epoch_update
  AFTER UPDATE OF superseded_at, choice, strength, ranking, aspects, item_id, project_id, annotator_id, created_at,
                  counted
  ON "judgments" FOR EACH ROW
  WHEN (OLD.superseded_at IS DISTINCT FROM NEW.superseded_at OR OLD.choice IS DISTINCT FROM NEW.choice
        OR OLD.strength IS DISTINCT FROM NEW.strength OR OLD.ranking IS DISTINCT FROM NEW.ranking
        OR OLD.aspects IS DISTINCT FROM NEW.aspects OR OLD.item_id IS DISTINCT FROM NEW.item_id
        OR OLD.project_id IS DISTINCT FROM NEW.project_id OR OLD.annotator_id IS DISTINCT FROM NEW.annotator_id
        OR OLD.created_at IS DISTINCT FROM NEW.created_at OR OLD.counted IS DISTINCT FROM NEW.counted)
  EXECUTE FUNCTION arbiter_bump_stats_epoch_row();
