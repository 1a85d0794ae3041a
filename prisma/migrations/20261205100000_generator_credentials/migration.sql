-- Generators can hold their own API key, encrypted by the API and decrypted only by the worker.
ALTER TABLE "generators" ADD COLUMN "api_key_ciphertext" BYTEA;
ALTER TABLE "generators" ADD COLUMN "api_key_last4" TEXT;

-- api_key_env used to name any variable of the worker, so a researcher could have the worker
-- send DATABASE_URL or ARBITER_SECRET as a bearer token. Names are now limited to
-- ARBITER_GENERATOR_KEY_*; a row naming anything else loses the name here rather than keep a
-- value that the API would refuse and the worker ignores (it checks the prefix too). Such a
-- generator then calls without a key until someone gives it one.
UPDATE "generators"
   SET "api_key_env" = NULL, "updated_at" = now()
 WHERE "api_key_env" IS NOT NULL
   AND "api_key_env" !~ '^ARBITER_GENERATOR_KEY_[A-Z0-9_]+$';
