"use client";

import { type TPool, ZCreateProjectBody, ZQualityRules } from "@arbiter/shared";
import { useRouter } from "next/navigation";
import { type FormEvent, useRef, useState } from "react";
import { Button, Card, CardBody, errorMessage, FormError } from "@/components/ui";
import { createProject } from "../api";
import {
  apiErrors,
  bodyOf,
  type FieldErrors,
  issuesToErrors,
  NEW_PROJECT,
  type ProjectDraft,
} from "../form/draft";
import { BasicsFields } from "./basics-fields";
import { CollectionFields } from "./collection-fields";
import { GuidelinesEditor } from "./guidelines-editor";
import { PoolPicker } from "./pool-picker";
import { QuestionsFields } from "./questions-fields";
import styles from "./setup.module.css";

/** The steps, and the body fields each one holds (an error on a field sends the wizard there). */
const STEPS = [
  {
    title: "Basics",
    hint: "Name the project and choose what annotators compare.",
    fields: ["name", "mode", "arena", "taskType", "optionsPerItem"],
  },
  { title: "Questions", hint: "What annotators answer besides their choice.", fields: ["questions"] },
  {
    title: "Collection",
    hint: "How many judgments each item gets, and how quality is checked.",
    fields: ["judgmentsPerItem", "leaseSeconds", "goldRate", "quality"],
  },
  { title: "Guidelines", hint: "What annotators read before they judge.", fields: ["guidelines"] },
  { title: "Pools", hint: "Who will annotate.", fields: ["poolIds"] },
] as const;

const stepOf = (path: string) =>
  STEPS.findIndex((s) => (s.fields as readonly string[]).includes(path.split(".")[0]!));
const QUALITY_DEFAULTS = ZQualityRules.parse({});

export function ProjectWizard({ pools }: { pools: TPool[] }) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [draft, setDraft] = useState<ProjectDraft>(NEW_PROJECT);
  const [step, setStep] = useState(0);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const last = STEPS.length - 1;
  const change = (patch: Partial<ProjectDraft>) => setDraft((d) => ({ ...d, ...patch }));

  function go(to: number) {
    setStep(to);
    // The new step's heading takes focus so keyboard and screen-reader users start at its top.
    requestAnimationFrame(() => headingRef.current?.focus());
  }

  function validate() {
    const parsed = ZCreateProjectBody.safeParse(bodyOf(draft, formRef.current));
    return { parsed, all: parsed.success ? {} : issuesToErrors(parsed.error.issues) };
  }

  /** Shows the errors and moves to the earliest step that has one; true when there were any. */
  function showErrors(all: FieldErrors, upTo: number): boolean {
    const steps = Object.keys(all)
      .map(stepOf)
      .filter((s) => s >= 0 && s <= upTo);
    setErrors(all);
    if (steps.length === 0) return false;
    go(Math.min(...steps));
    return true;
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    const { parsed, all } = validate();
    if (step < last) {
      if (!showErrors(all, step)) {
        setErrors({});
        go(step + 1);
      }
      return;
    }
    if (showErrors(all, last) || !parsed.success) return;
    setBusy(true);
    try {
      const { project } = await createProject(parsed.data);
      router.push(`/projects/${project.id}`);
    } catch (err) {
      const byField = apiErrors(err);
      if (!showErrors(byField, last)) setError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-labelledby="wizard-step-title">
      <ol className={styles.steps} aria-label="Steps">
        {STEPS.map((s, i) => (
          <li
            key={s.title}
            data-state={i < step ? "done" : i === step ? "current" : "todo"}
            aria-current={i === step ? "step" : undefined}
          >
            <button type="button" className={styles.stepButton} disabled={i >= step} onClick={() => go(i)}>
              <span className={styles.stepNumber} aria-hidden>
                {i + 1}
              </span>
              <span className="visually-hidden">{`Step ${i + 1} of ${STEPS.length}: `}</span>
              <span className={styles.stepLabel}>{s.title}</span>
            </button>
          </li>
        ))}
      </ol>
      <Card>
        <CardBody>
          <h2 id="wizard-step-title" className={styles.stepTitle} ref={headingRef} tabIndex={-1}>
            {STEPS[step]!.title}
          </h2>
          <p className={styles.stepHint}>{STEPS[step]!.hint}</p>
          {/* Every step stays mounted (hidden) so the uncontrolled quality inputs keep their values. */}
          <div hidden={step !== 0}>
            <BasicsFields draft={draft} onChange={change} errors={errors} />
            {draft.mode === "arena" ? (
              <p className={styles.arenaNext} data-testid="arena-next">
                Once the project exists, add two or more generators to it; the arena's limits, screening and
                moderation start from sensible defaults and are on its Settings page.
              </p>
            ) : null}
          </div>
          <div hidden={step !== 1}>
            <QuestionsFields draft={draft} onChange={change} errors={errors} />
          </div>
          <div hidden={step !== 2}>
            <CollectionFields
              draft={draft}
              onChange={change}
              errors={errors}
              goldRate={0}
              quality={QUALITY_DEFAULTS}
            />
          </div>
          <div hidden={step !== 3}>
            <GuidelinesEditor
              value={draft.guidelines}
              onChange={(guidelines) => change({ guidelines })}
              error={errors.guidelines}
            />
          </div>
          <div hidden={step !== 4}>
            <PoolPicker
              pools={pools}
              selected={draft.poolIds}
              onChange={(poolIds) => change({ poolIds })}
              error={Object.entries(errors).find(([k]) => k.startsWith("poolIds"))?.[1]}
            />
          </div>
          <div className={styles.bar}>
            {step > 0 ? <Button onClick={() => go(step - 1)}>Back</Button> : null}
            <FormError message={error} />
            <Button type="submit" variant="primary" loading={busy}>
              {step < last ? "Next" : "Create project"}
            </Button>
          </div>
        </CardBody>
      </Card>
    </form>
  );
}
