-- When a session's holder last proved the account's password (sign-in, password change or
-- re-entry). Creating an API key needs a recent proof, so a stolen cookie (or an API key)
-- cannot mint a lasting credential. NULL for sessions started without a password.
-- AlterTable
ALTER TABLE "sessions" ADD COLUMN     "password_checked_at" TIMESTAMPTZ(3);
