-- Undo is frequent (annotators take back an answer within seconds) and used to bump the
-- project's stats_epoch, so in a busy project most statistics requests read everything.
-- An undo sets superseded_at = now() on an answer created at most the undo window (60 s,
-- UNDO_WINDOW_SECONDS in packages/shared/src/annotation.ts: keep the two in sync) before
-- the undo's transaction started. The API's kept statistics (apps/api/src/routes/stats/
-- digest-cache.ts, progress-hours.ts) re-read every item and hour with answers created
-- since their last read minus the 60 s late-commit overlap plus that window, which
-- covers such an answer, so a change of that shape no longer bumps the epoch:
-- superseded_at going from NULL to a value at most 60 s after created_at, in a
-- transaction that started at most 60 s after created_at (the look-back counts from the
-- change's transaction start, whatever value is written), with no other column the
-- statistics read changing. Every other change bumps exactly as before.
DROP TRIGGER judgments_stats_epoch_update ON "judgments";

CREATE TRIGGER judgments_stats_epoch_update
  AFTER UPDATE OF superseded_at, choice, strength, ranking, aspects, item_id, project_id, annotator_id, created_at,
                  counted
  ON "judgments" FOR EACH ROW
  WHEN ((OLD.superseded_at IS DISTINCT FROM NEW.superseded_at
         AND NOT (OLD.superseded_at IS NULL AND NEW.superseded_at IS NOT NULL
                  AND NEW.superseded_at - NEW.created_at <= interval '60 seconds'
                  AND NEW.created_at >= now() - interval '60 seconds'))
        OR OLD.choice IS DISTINCT FROM NEW.choice
        OR OLD.strength IS DISTINCT FROM NEW.strength OR OLD.ranking IS DISTINCT FROM NEW.ranking
        OR OLD.aspects IS DISTINCT FROM NEW.aspects OR OLD.item_id IS DISTINCT FROM NEW.item_id
        OR OLD.project_id IS DISTINCT FROM NEW.project_id OR OLD.annotator_id IS DISTINCT FROM NEW.annotator_id
        OR OLD.created_at IS DISTINCT FROM NEW.created_at OR OLD.counted IS DISTINCT FROM NEW.counted)
  EXECUTE FUNCTION arbiter_bump_stats_epoch_row();
