"use client";

import {
  fixedReason,
  type TPool,
  type TProject,
  type TUpdateProjectBody,
  ZUpdateProjectBody,
} from "@arbiter/shared";
import { useRouter } from "next/navigation";
import { type FormEvent, useRef, useState } from "react";
import {
  Button,
  ButtonLink,
  Card,
  CardBody,
  CardHeader,
  errorMessage,
  FormError,
  PageHeader,
  useToast,
} from "@/components/ui";
import { updateProject } from "../api";
import {
  apiErrors,
  bodyOf,
  draftOf,
  type FieldErrors,
  issuesToErrors,
  type ProjectDraft,
} from "../form/draft";
import { ArenaFields } from "./arena-fields";
import { BasicsFields } from "./basics-fields";
import { CollectionFields } from "./collection-fields";
import { DuplicateDialog } from "./duplicate-dialog";
import { GuidelinesEditor } from "./guidelines-editor";
import { StatusBadge } from "./project-labels";
import { QuestionsFields } from "./questions-fields";
import { SettingsPools } from "./settings-pools";
import styles from "./setup.module.css";

/**
 * Everything the wizard set, editable later. Settings answers depend on are shown disabled
 * with the API's own reason; archived projects and viewers get the page read-only.
 */
export function ProjectSettings({
  initial,
  attachable,
  generatorCount = null,
}: {
  initial: TProject;
  attachable: TPool[];
  /** The project's generators, for the arena section; null when unknown. */
  generatorCount?: number | null;
}) {
  const router = useRouter();
  const toast = useToast();
  const formRef = useRef<HTMLFormElement>(null);
  const [project, setProject] = useState(initial);
  const [draft, setDraft] = useState<ProjectDraft>(() => draftOf(initial));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [duplicating, setDuplicating] = useState(false);
  const change = (patch: Partial<ProjectDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const viewer = project.myRole === "VIEWER";
  const archived = project.status === "ARCHIVED";
  const readOnly = viewer || archived;
  const taskFixed = fixedReason("taskType", project.counts);
  const questionsFixed = fixedReason("questions", project.counts);
  const modeFixed = fixedReason("mode", project.counts);
  const duplicate = viewer ? undefined : () => setDuplicating(true);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    const {
      poolIds: _pools,
      taskType,
      optionsPerItem,
      questions,
      mode,
      ...rest
    } = bodyOf(draft, formRef.current);
    // Fixed settings are left out rather than sent unchanged, so the save is about what may change.
    const body = {
      ...rest,
      ...(modeFixed ? {} : { mode }),
      ...(taskFixed ? {} : { taskType, optionsPerItem }),
      ...(questionsFixed ? {} : { questions }),
    };
    const parsed = ZUpdateProjectBody.safeParse(body);
    if (!parsed.success) {
      setErrors(issuesToErrors(parsed.error.issues));
      setError("Some values need attention; see the marked fields.");
      return;
    }
    setBusy(true);
    try {
      const { project: saved } = await updateProject(project.id, parsed.data as TUpdateProjectBody);
      setProject(saved);
      setDraft(draftOf(saved));
      setErrors({});
      toast({ tone: "success", message: "Settings saved" });
      router.refresh();
    } catch (err) {
      const byField = apiErrors(err);
      setErrors(byField);
      setError(
        Object.keys(byField).length
          ? "Some values need attention; see the marked fields."
          : errorMessage(err),
      );
    } finally {
      setBusy(false);
    }
  }

  async function restore() {
    try {
      const { project: saved } = await updateProject(project.id, { status: "ACTIVE" });
      setProject(saved);
      toast({ tone: "success", message: "Project restored" });
    } catch (err) {
      toast({ tone: "error", message: errorMessage(err) });
    }
  }

  return (
    <>
      <PageHeader
        eyebrow={<a href={`/projects/${project.id}`}>← {project.name}</a>}
        title={
          <span className={styles.titleRow}>
            Settings <StatusBadge status={project.status} />
          </span>
        }
        description={
          project.mode === "arena"
            ? "Mode, arena, questions, collection rules, guidelines and pools."
            : "Questions, collection rules, guidelines and pools."
        }
        actions={
          <>
            <ButtonLink href={`/projects/${project.id}/webhooks`}>Webhooks</ButtonLink>
            {viewer ? null : <Button onClick={() => setDuplicating(true)}>Duplicate</Button>}
          </>
        }
      />
      {archived ? (
        <div className={styles.notice} data-testid="archived-notice">
          <p>This project is archived, so its settings are read-only. Restore it to change them.</p>
          {viewer ? null : <Button onClick={() => void restore()}>Restore</Button>}
        </div>
      ) : viewer ? (
        <div className={styles.notice}>
          <p>You are a viewer of this project: you can read its settings but not change them.</p>
        </div>
      ) : null}
      <div className={styles.sections}>
        <form ref={formRef} onSubmit={submit} noValidate className={styles.sections} key={project.updatedAt}>
          <fieldset className={styles.plain} disabled={readOnly}>
            <legend className="visually-hidden">Project settings</legend>
            <div className={styles.sections}>
              <Card>
                <CardHeader title="Basics" />
                <CardBody>
                  <BasicsFields
                    draft={draft}
                    onChange={change}
                    errors={errors}
                    fixed={taskFixed}
                    modeFixed={modeFixed}
                    onDuplicate={duplicate}
                  />
                </CardBody>
              </Card>
              {draft.mode === "arena" ? (
                <Card>
                  <CardHeader
                    title="Arena"
                    description="Where battles start, what they may cost, and how answers are screened; changes apply to the next battle."
                  />
                  <CardBody>
                    <ArenaFields
                      draft={draft}
                      onChange={change}
                      errors={errors}
                      projectId={project.id}
                      generatorCount={generatorCount}
                    />
                  </CardBody>
                </Card>
              ) : null}
              <Card>
                <CardHeader title="Questions" description="What annotators answer besides their choice." />
                <CardBody>
                  <QuestionsFields
                    draft={draft}
                    onChange={change}
                    errors={errors}
                    fixed={questionsFixed}
                    onDuplicate={duplicate}
                  />
                </CardBody>
              </Card>
              <Card>
                <CardHeader
                  title="Collection"
                  description="Overlap and lease apply to items not yet complete; quality rules to the next assignments."
                />
                <CardBody>
                  <CollectionFields
                    draft={draft}
                    onChange={change}
                    errors={errors}
                    goldRate={project.goldRate}
                    quality={project.quality}
                  />
                </CardBody>
              </Card>
              <Card>
                <CardHeader title="Guidelines" description="What annotators read before they judge." />
                <CardBody>
                  <GuidelinesEditor
                    value={draft.guidelines}
                    onChange={(guidelines) => change({ guidelines })}
                    error={errors.guidelines}
                    disabled={readOnly}
                  />
                </CardBody>
              </Card>
            </div>
          </fieldset>
          {readOnly ? null : (
            <div className={styles.bar}>
              <FormError message={error} />
              <Button type="submit" variant="primary" loading={busy}>
                Save settings
              </Button>
            </div>
          )}
        </form>
        <SettingsPools project={project} attachable={attachable} readOnly={readOnly} onSaved={setProject} />
      </div>
      <DuplicateDialog project={project} open={duplicating} onClose={() => setDuplicating(false)} />
    </>
  );
}
