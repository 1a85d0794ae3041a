-- Researchers search judgments' rationales by substring (ILIKE '%…%'): a trigram index keeps
-- that an index scan on large projects. pg_trgm ships with Postgres and is a trusted
-- extension, so the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "judgments_rationale_trgm" ON "judgments" USING GIN ("rationale" gin_trgm_ops);
