-- Live arena: projects get a mode and arena settings; battles, their turns (one item each) and sides.
-- CreateEnum
CREATE TYPE "ProjectMode" AS ENUM ('STANDARD', 'ARENA');

-- CreateEnum
CREATE TYPE "BattleStatus" AS ENUM ('STREAMING', 'READY', 'VOTED', 'FAILED', 'CLOSED');

-- CreateEnum
CREATE TYPE "BattleSideStatus" AS ENUM ('STREAMING', 'DONE', 'FAILED');

-- AlterTable
ALTER TABLE "projects" ADD COLUMN     "arena" JSONB,
ADD COLUMN     "mode" "ProjectMode" NOT NULL DEFAULT 'STANDARD';

-- CreateTable
CREATE TABLE "battles" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "project_id" UUID NOT NULL,
    "annotator_id" UUID NOT NULL,
    "generator_ids" UUID[],
    "status" "BattleStatus" NOT NULL DEFAULT 'STREAMING',
    "reason" TEXT,
    "tokens_used" INTEGER NOT NULL DEFAULT 0,
    "revealed" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "battles_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "battle_turns" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "battle_id" UUID NOT NULL,
    "turn" INTEGER NOT NULL,
    "user_text" TEXT NOT NULL,
    "item_id" UUID NOT NULL,
    "assignment_id" UUID NOT NULL,
    "status" "BattleStatus" NOT NULL DEFAULT 'STREAMING',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "battle_turns_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "battle_sides" (
    "turn_id" UUID NOT NULL,
    "side" INTEGER NOT NULL,
    "generator_id" UUID NOT NULL,
    "completion_id" UUID NOT NULL,
    "status" "BattleSideStatus" NOT NULL DEFAULT 'STREAMING',
    "error" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "battle_sides_pkey" PRIMARY KEY ("turn_id","side")
);

-- CreateIndex
CREATE INDEX "battles_project_id_annotator_id_created_at_idx" ON "battles"("project_id", "annotator_id", "created_at");

-- CreateIndex
CREATE INDEX "battles_status_updated_at_idx" ON "battles"("status", "updated_at");

-- CreateIndex
CREATE INDEX "battle_turns_item_id_idx" ON "battle_turns"("item_id");

-- CreateIndex
CREATE UNIQUE INDEX "battle_turns_battle_id_turn_key" ON "battle_turns"("battle_id", "turn");

-- CreateIndex
CREATE INDEX "battle_sides_completion_id_idx" ON "battle_sides"("completion_id");

-- AddForeignKey
ALTER TABLE "battles" ADD CONSTRAINT "battles_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "battles" ADD CONSTRAINT "battles_annotator_id_fkey" FOREIGN KEY ("annotator_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "battle_turns" ADD CONSTRAINT "battle_turns_battle_id_fkey" FOREIGN KEY ("battle_id") REFERENCES "battles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "battle_turns" ADD CONSTRAINT "battle_turns_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "items"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "battle_turns" ADD CONSTRAINT "battle_turns_assignment_id_fkey" FOREIGN KEY ("assignment_id") REFERENCES "assignments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "battle_sides" ADD CONSTRAINT "battle_sides_turn_id_fkey" FOREIGN KEY ("turn_id") REFERENCES "battle_turns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "battle_sides" ADD CONSTRAINT "battle_sides_generator_id_fkey" FOREIGN KEY ("generator_id") REFERENCES "generators"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "battle_sides" ADD CONSTRAINT "battle_sides_completion_id_fkey" FOREIGN KEY ("completion_id") REFERENCES "completions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

