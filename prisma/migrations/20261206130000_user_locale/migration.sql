-- The language a user picked for the app; null: their browser's language decides.
-- AlterTable
ALTER TABLE "users" ADD COLUMN     "locale" TEXT;
