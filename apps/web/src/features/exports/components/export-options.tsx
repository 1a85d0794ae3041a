"use client";

import { EXPORT_FORMATS, type TProject } from "@arbiter/shared";
import { Input, SelectField } from "@/components/ui";
import { type ExportForm, type FieldErrors, FORMAT_INFO, isPairFormat } from "../form";
import { Check, FieldNote, RadioCards, Segmented } from "./controls";
import styles from "./exports.module.css";
import { SplitEditor } from "./split-editor";

type Props = {
  project: TProject;
  form: ExportForm;
  errors: FieldErrors;
  onChange: (change: Partial<ExportForm>) => void;
};

export function ExportOptions({ project, form, errors, onChange }: Props) {
  const pairFormat = isPairFormat(form.format);
  const raw = form.format === "raw";
  const kto = form.format === "kto";
  const kWise = project.optionsPerItem > 2;
  return (
    <>
      <section className={styles.section} aria-labelledby="format-title">
        <h3 id="format-title" className={styles.sectionTitle}>
          Format
        </h3>
        <RadioCards
          legend="Format"
          name="format"
          value={form.format}
          options={EXPORT_FORMATS.map((f) => ({ value: f, ...FORMAT_INFO[f] }))}
          onChange={(format) => onChange({ format })}
        />
        <FieldNote error={errors.format} />
      </section>

      <section className={`${styles.section} ${styles.stack}`} aria-labelledby="aggregation-title">
        <h3 id="aggregation-title" className={styles.sectionTitle}>
          Aggregation
        </h3>
        <Segmented
          legend="Rows from"
          name="aggregation"
          value={raw ? "per-judgment" : form.aggregation}
          options={[
            { value: "per-judgment", label: "Each judgment" },
            { value: "majority", label: "Majority", disabled: raw },
            { value: "dawid-skene", label: "Dawid–Skene", disabled: raw },
          ]}
          onChange={(aggregation) => onChange({ aggregation })}
          error={errors.aggregation}
          note={
            raw
              ? "Raw has one line per judgment."
              : form.aggregation === "majority"
                ? kWise
                  ? "Rankings are combined by Borda count; tied totals share a place."
                  : "Items without an answer given by more than half are left out."
                : form.aggregation === "dawid-skene"
                  ? "One example per item, its most probable answer: each answer weighed by its annotator's estimated reliability, learnt from all their answers and the gold items."
                  : "Every judgment becomes its own example."
          }
        />
        {pairFormat && kWise ? (
          <Segmented
            legend="Pairs from a ranking"
            name="pairs"
            value={form.pairs}
            options={[
              { value: "all", label: "All pairs" },
              { value: "adjacent", label: "Adjacent" },
              { value: "best-vs-rest", label: "Best vs rest" },
            ]}
            onChange={(pairs) => onChange({ pairs })}
            error={errors.pairs}
            note={`Each ranking of ${project.optionsPerItem} becomes chosen/rejected pairs; tied completions never pair.`}
          />
        ) : null}
      </section>

      <section className={`${styles.section} ${styles.stack}`} aria-labelledby="filters-title">
        <h3 id="filters-title" className={styles.sectionTitle}>
          Filters
        </h3>
        <div className={styles.grid2}>
          <Input
            label="Min judgments per item"
            name="minJudgments"
            type="number"
            inputMode="numeric"
            min={1}
            placeholder="Any"
            value={form.minJudgments}
            error={errors.minJudgments}
            onChange={(e) => onChange({ minJudgments: e.target.value })}
          />
          <Input
            label="Min agreement (%)"
            name="minAgreement"
            type="number"
            inputMode="decimal"
            min={0}
            max={100}
            step="any"
            placeholder="Any"
            value={form.minAgreement}
            error={errors.minAgreement}
            onChange={(e) => onChange({ minAgreement: e.target.value })}
          />
          {project.questions.strength ? (
            <div>
              <SelectField
                label="Min strength"
                name="minStrength"
                value={form.minStrength}
                options={[
                  { value: "", label: "Any" },
                  { value: "2", label: "2 — slight or more" },
                  { value: "3", label: "3 — clear or more" },
                  { value: "4", label: "4 — strong only" },
                ]}
                onChange={(e) => onChange({ minStrength: e.target.value })}
              />
              <FieldNote error={errors.minStrength} />
            </div>
          ) : null}
        </div>
        <div className={styles.grid2}>
          <Input
            label="From (UTC)"
            name="from"
            type="date"
            value={form.from}
            error={errors.from}
            onChange={(e) => onChange({ from: e.target.value })}
          />
          <Input
            label="To (UTC)"
            name="to"
            type="date"
            value={form.to}
            error={errors.to}
            onChange={(e) => onChange({ to: e.target.value })}
          />
        </div>
        <div className={styles.checks}>
          <Check
            name="dropTies"
            label="Drop ties"
            hint={
              pairFormat
                ? "A pair format needs a winner"
                : kto
                  ? "A tie says neither is good or bad"
                  : undefined
            }
            checked={pairFormat || kto || form.dropTies}
            disabled={pairFormat || kto}
            onChange={(dropTies) => onChange({ dropTies })}
          />
          <Check
            name="dropBothBad"
            label="Drop “both bad”"
            hint={
              pairFormat
                ? "A pair format needs a winner"
                : kto
                  ? "If kept, both completions are labelled false"
                  : undefined
            }
            checked={pairFormat || form.dropBothBad}
            disabled={pairFormat}
            onChange={(dropBothBad) => onChange({ dropBothBad })}
          />
          <Check
            name="excludeGold"
            label="Exclude gold items"
            checked={form.excludeGold}
            onChange={(excludeGold) => onChange({ excludeGold })}
          />
          <Check
            name="excludeQuarantined"
            label="Exclude suspended and quarantined annotators"
            checked={form.excludeQuarantined}
            onChange={(excludeQuarantined) => onChange({ excludeQuarantined })}
          />
          <Check
            name="excludeTooFast"
            label="Exclude answers given too fast"
            hint={`Under ${project.quality.fastSeconds} s, the project's reading time`}
            checked={form.excludeTooFast}
            onChange={(excludeTooFast) => onChange({ excludeTooFast })}
          />
        </div>
        <FieldNote error={errors.dropTies ?? errors.dropBothBad} />
      </section>

      <section className={styles.section} aria-labelledby="splits-title">
        <h3 id="splits-title" className={styles.sectionTitle}>
          Splits and reproducibility
        </h3>
        <div className={styles.stack}>
          <SplitEditor
            splits={form.splits}
            onChange={(splits) => onChange({ splits })}
            error={errors.splits}
          />
          <Input
            label="Seed"
            name="seed"
            value={form.seed}
            maxLength={200}
            error={errors.seed}
            hint="The same data, options and seed give byte-identical files."
            onChange={(e) => onChange({ seed: e.target.value })}
          />
        </div>
      </section>

      <section className={`${styles.section} ${styles.stack}`} aria-labelledby="extras-title">
        <h3 id="extras-title" className={styles.sectionTitle}>
          Extra columns and file
        </h3>
        <div className={styles.checks}>
          <Check
            name="margin"
            label="margin"
            hint="How strongly chosen wins, 0–1"
            checked={!raw && form.format !== "ranked" && form.format !== "kto" && form.margin}
            disabled={raw || form.format === "ranked" || form.format === "kto"}
            onChange={(margin) => onChange({ margin })}
          />
          <Check
            name="groupId"
            label="group_id"
            hint="The same for rows of one prompt"
            checked={!raw && form.groupId}
            disabled={raw}
            onChange={(groupId) => onChange({ groupId })}
          />
          <Check
            name="metadata"
            label="metadata"
            hint="Item id, models, agreement, judgments"
            checked={!raw && form.metadata}
            disabled={raw}
            onChange={(metadata) => onChange({ metadata })}
          />
          <Check
            name="compress"
            label="Gzip the files"
            hint=".jsonl.gz; most loaders read it as is"
            checked={form.compress}
            onChange={(compress) => onChange({ compress })}
          />
        </div>
        <FieldNote error={errors.include ?? errors.compress} />
      </section>
    </>
  );
}
