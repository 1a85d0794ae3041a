-- An invitation accepted with the email of an existing account: the pool membership waits
-- until that account's owner signs in with their own password.
-- CreateTable
CREATE TABLE "invite_claims" (
    "invite_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "invite_claims_pkey" PRIMARY KEY ("invite_id","user_id")
);

-- CreateIndex
CREATE INDEX "invite_claims_user_id_idx" ON "invite_claims"("user_id");

-- AddForeignKey
ALTER TABLE "invite_claims" ADD CONSTRAINT "invite_claims_invite_id_fkey" FOREIGN KEY ("invite_id") REFERENCES "invites"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invite_claims" ADD CONSTRAINT "invite_claims_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
