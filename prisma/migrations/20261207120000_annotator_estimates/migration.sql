-- The worker's annotator-aware fit of a project (apps/worker/src/features/adaptive): the
-- estimates per annotator, replaced on every fit, and one row per project saying when it
-- last ran and over how many judgments, so the scheduled sweep refits only what changed.

-- CreateTable
CREATE TABLE "annotator_estimates" (
    "project_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "answers" INTEGER NOT NULL,
    "accuracy" DOUBLE PRECISION NOT NULL,
    "accuracy_low" DOUBLE PRECISION NOT NULL,
    "accuracy_high" DOUBLE PRECISION NOT NULL,
    "position_bias" DOUBLE PRECISION NOT NULL,
    "fitted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "annotator_estimates_pkey" PRIMARY KEY ("project_id","user_id")
);

-- CreateTable
CREATE TABLE "project_fits" (
    "project_id" UUID NOT NULL,
    "judgments" INTEGER NOT NULL,
    "items" INTEGER NOT NULL,
    "iterations" INTEGER NOT NULL,
    "converged" BOOLEAN NOT NULL,
    "fitted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "project_fits_pkey" PRIMARY KEY ("project_id")
);

-- AddForeignKey
ALTER TABLE "annotator_estimates" ADD CONSTRAINT "annotator_estimates_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "annotator_estimates" ADD CONSTRAINT "annotator_estimates_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "project_fits" ADD CONSTRAINT "project_fits_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;
