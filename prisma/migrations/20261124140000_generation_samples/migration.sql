-- CreateEnum
CREATE TYPE "SampleStatus" AS ENUM ('PENDING', 'DONE', 'FAILED', 'CANCELLED');

-- CreateTable
CREATE TABLE "generation_samples" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "run_id" UUID NOT NULL,
    "prompt_id" UUID NOT NULL,
    "generator_id" UUID NOT NULL,
    "sample_index" INTEGER NOT NULL,
    "status" "SampleStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "completion_id" UUID,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "generation_samples_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "generation_samples_run_id_status_updated_at_idx" ON "generation_samples"("run_id", "status", "updated_at");

-- CreateIndex
CREATE UNIQUE INDEX "generation_samples_run_id_prompt_id_generator_id_sample_ind_key" ON "generation_samples"("run_id", "prompt_id", "generator_id", "sample_index");

-- AddForeignKey
ALTER TABLE "generation_samples" ADD CONSTRAINT "generation_samples_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "generation_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "generation_samples" ADD CONSTRAINT "generation_samples_prompt_id_fkey" FOREIGN KEY ("prompt_id") REFERENCES "prompts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "generation_samples" ADD CONSTRAINT "generation_samples_generator_id_fkey" FOREIGN KEY ("generator_id") REFERENCES "generators"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

