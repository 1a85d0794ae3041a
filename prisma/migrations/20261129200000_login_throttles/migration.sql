-- Per-email counter of failed sign-ins: the account lockout (exponential backoff) beyond the
-- per-address rate limit.
-- CreateTable
CREATE TABLE "login_throttles" (
    "email_hash" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "last_failure_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "locked_until" TIMESTAMPTZ(3),

    CONSTRAINT "login_throttles_pkey" PRIMARY KEY ("email_hash")
);
