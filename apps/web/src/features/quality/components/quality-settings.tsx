"use client";

import type { TProject, TUpdateProjectBody } from "@arbiter/shared";
import { type FormEvent, useState } from "react";
import {
  Button,
  Card,
  CardBody,
  CardHeader,
  CopyField,
  errorMessage,
  Input,
  useToast,
} from "@/components/ui";
import formStyles from "@/components/ui/form.module.css";
import textStyles from "@/components/ui/text.module.css";
import { ApiError } from "@/lib/api-error";
import { updateProject } from "../api";
import local from "./quality.module.css";
import { QualityRuleFields, readQualityRules } from "./quality-rule-fields";

const PROLIFIC_QUERY = "PROLIFIC_PID={{%PROLIFIC_PID%}}&STUDY_ID={{%STUDY_ID%}}&SESSION_ID={{%SESSION_ID%}}";

export function studyLinks(origin: string, slug: string) {
  const base = `${origin}/join/${encodeURIComponent(slug)}`;
  return { prolific: `${base}?${PROLIFIC_QUERY}`, mturk: base };
}

const num = (data: FormData, key: string) => Number(data.get(key));

/** The form's values in the API's shape. */
function bodyFrom(data: FormData): TUpdateProjectBody {
  const redirectUrl = String(data.get("redirectUrl") ?? "").trim();
  return {
    ...readQualityRules(data),
    crowd: {
      enabled: data.get("enabled") === "on",
      quota: num(data, "quota"),
      completionCode: String(data.get("completionCode") ?? "").trim(),
      ...(redirectUrl ? { redirectUrl } : {}),
    },
  };
}

/** `body.quality.fastSeconds` -> the input named fastSeconds. */
function fieldErrors(err: unknown): Record<string, string> {
  if (!(err instanceof ApiError) || !Array.isArray(err.details)) return {};
  const out: Record<string, string> = {};
  for (const d of err.details as { path?: string; message?: string }[]) {
    const name = d.path?.split(".").at(-1);
    if (name) out[name] = d.message ?? "is not valid";
  }
  return out;
}

export function QualitySettings({ project, origin }: { project: TProject; origin: string }) {
  const toast = useToast();
  const [saved, setSaved] = useState(project);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [crowdOn, setCrowdOn] = useState(project.crowd.enabled);
  const c = saved.crowd;
  const links = studyLinks(origin, saved.slug);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    setError(null);
    try {
      const { project: updated } = await updateProject(
        project.id,
        bodyFrom(new FormData(event.currentTarget)),
      );
      setSaved(updated);
      toast({ tone: "success", message: "Quality and crowd settings saved" });
    } catch (err) {
      const byField = fieldErrors(err);
      setErrors(byField);
      setError(
        Object.keys(byField).length
          ? "Some values are out of range; see the marked fields."
          : errorMessage(err),
      );
    } finally {
      setBusy(false);
    }
  }

  const field = (
    name: string,
    label: string,
    value: number,
    props: Record<string, unknown>,
    hint?: string,
  ) => (
    <Input
      label={label}
      name={name}
      type="number"
      defaultValue={value}
      required
      hint={hint}
      error={errors[name] ? capitalise(errors[name]) : undefined}
      {...props}
    />
  );

  return (
    <section className={local.section} aria-labelledby="settings-title">
      <h2 id="settings-title" className={local.sectionTitle}>
        Quality control and crowd settings
      </h2>
      <p className={local.sectionText}>
        Changes apply to the next assignments; judgments already made keep their status.
      </p>
      <form onSubmit={submit} key={saved.updatedAt}>
        <div className={local.settingsGrid}>
          <Card>
            <CardHeader
              title="Gold and qualification"
              description="Gold items carry a known answer and are mixed in unseen."
            />
            <CardBody className={local.fieldGrid}>
              <QualityRuleFields
                goldRate={saved.goldRate}
                quality={saved.quality}
                errorOf={(name) => errors[name]}
              />
            </CardBody>
          </Card>
          <Card>
            <CardHeader
              title="Crowd platform"
              description="Prolific or MTurk participants enter through a study link."
            />
            <CardBody className={formStyles.form}>
              <label className={local.toggle}>
                <input
                  type="checkbox"
                  name="enabled"
                  checked={crowdOn}
                  onChange={(e) => setCrowdOn(e.target.checked)}
                />
                Open this project to a crowd platform
              </label>
              <div className={local.fieldGrid}>
                {field("quota", "Judgments per participant", c.quota, {
                  min: 1,
                  max: 10000,
                  disabled: !crowdOn,
                })}
                <Input
                  label="Completion code"
                  name="completionCode"
                  defaultValue={c.completionCode}
                  maxLength={100}
                  disabled={!crowdOn}
                  error={errors.completionCode}
                  hint="Shown when the quota is met"
                />
              </div>
              <Input
                label="Return URL (optional)"
                name="redirectUrl"
                type="url"
                defaultValue={c.redirectUrl ?? ""}
                placeholder="https://app.prolific.com/submissions/complete?cc=…"
                disabled={!crowdOn}
                error={errors.redirectUrl ? capitalise(errors.redirectUrl) : undefined}
                hint="Participants are sent here after they see their code"
              />
              {saved.crowd.enabled ? (
                <>
                  <div>
                    <div
                      className={textStyles.primaryText}
                      style={{ fontSize: "var(--text-sm)", marginBottom: 6 }}
                    >
                      Study link for Prolific
                    </div>
                    <CopyField value={links.prolific} label="Prolific study link" testId="prolific-link" />
                  </div>
                  <p className={textStyles.secondaryText}>
                    For MTurk use <code>{links.mturk}</code>; MTurk appends workerId, assignmentId and hitId.
                  </p>
                </>
              ) : (
                <p className={textStyles.secondaryText}>
                  Save with the platform switched on to get the study link.
                </p>
              )}
            </CardBody>
          </Card>
        </div>
        <div className={local.saveBar}>
          {error ? (
            <span className={formStyles.error} role="alert">
              {error}
            </span>
          ) : null}
          <Button type="submit" variant="primary" loading={busy}>
            Save settings
          </Button>
        </div>
      </form>
    </section>
  );
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
