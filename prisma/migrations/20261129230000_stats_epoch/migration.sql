-- The API keeps each pairwise project's per-item statistics digest in memory and, on a
-- request, re-reads only the items that got new answers (judgments are appended with
-- created_at, which is indexed). Every other change to what the statistics read bumps
-- the project's stats_epoch in the same transaction, and a process whose digest carries an
-- older epoch recomputes from scratch: undo (superseded_at), any edit or deletion of a
-- judgment (including cascades from items and prompts), and an item turning gold or not.
-- Exclusions of annotators (quarantine, rejection, suspension) are compared by content on
-- each request instead, so they need no trigger. Appends, the hot path, fire nothing: the
-- triggers are on UPDATE OF the columns the statistics read and on DELETE only.
ALTER TABLE "projects" ADD COLUMN "stats_epoch" INTEGER NOT NULL DEFAULT 0;

CREATE FUNCTION arbiter_bump_stats_epoch_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE projects SET stats_epoch = stats_epoch + 1 WHERE id IN (OLD.project_id, NEW.project_id);
  RETURN NULL;
END $$;

CREATE FUNCTION arbiter_bump_stats_epoch_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE projects SET stats_epoch = stats_epoch + 1 WHERE id IN (SELECT DISTINCT project_id FROM gone);
  RETURN NULL;
END $$;

CREATE TRIGGER judgments_stats_epoch_update
  AFTER UPDATE OF superseded_at, choice, strength, ranking, aspects, item_id, project_id, annotator_id
  ON "judgments" FOR EACH ROW
  WHEN (OLD.superseded_at IS DISTINCT FROM NEW.superseded_at OR OLD.choice IS DISTINCT FROM NEW.choice
        OR OLD.strength IS DISTINCT FROM NEW.strength OR OLD.ranking IS DISTINCT FROM NEW.ranking
        OR OLD.aspects IS DISTINCT FROM NEW.aspects OR OLD.item_id IS DISTINCT FROM NEW.item_id
        OR OLD.project_id IS DISTINCT FROM NEW.project_id OR OLD.annotator_id IS DISTINCT FROM NEW.annotator_id)
  EXECUTE FUNCTION arbiter_bump_stats_epoch_row();

CREATE TRIGGER judgments_stats_epoch_delete
  AFTER DELETE ON "judgments" REFERENCING OLD TABLE AS gone FOR EACH STATEMENT
  EXECUTE FUNCTION arbiter_bump_stats_epoch_deleted();

CREATE TRIGGER items_stats_epoch_gold
  AFTER UPDATE OF is_gold ON "items" FOR EACH ROW
  WHEN (OLD.is_gold IS DISTINCT FROM NEW.is_gold)
  EXECUTE FUNCTION arbiter_bump_stats_epoch_row();
