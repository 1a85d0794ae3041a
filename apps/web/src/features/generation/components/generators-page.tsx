"use client";

import type { TGenerator } from "@arbiter/shared";
import { useState } from "react";
import {
  Badge,
  Button,
  ButtonLink,
  Card,
  CardBody,
  CardHeader,
  ConfirmDialog,
  EmptyState,
  PageHeader,
  useToast,
} from "@/components/ui";
import { createGenerator, deleteGenerator, updateGenerator } from "../api";
import { ConnectionTest } from "./connection-test";
import styles from "./generation.module.css";
import { GeneratorDialog } from "./generator-dialog";
import { SectionNav } from "./section-nav";

type Editing = { kind: "new" } | { kind: "edit"; generator: TGenerator } | null;

export function GeneratorsPage({
  projectId,
  projectName,
  initial,
}: {
  projectId: string;
  projectName: string;
  initial: TGenerator[];
}) {
  const toast = useToast();
  const [generators, setGenerators] = useState(initial);
  const [editing, setEditing] = useState<Editing>(null);
  const [removing, setRemoving] = useState<TGenerator | null>(null);

  return (
    <>
      <PageHeader
        eyebrow={<a href={`/projects/${projectId}`}>← {projectName}</a>}
        title="Generators"
        description="The model servers that write completions for this project: an OpenAI-compatible endpoint, a model and its sampling parameters."
        actions={
          generators.length > 0 ? (
            <>
              <ButtonLink href={`/projects/${projectId}/runs`}>Start a run</ButtonLink>
              <Button variant="primary" onClick={() => setEditing({ kind: "new" })}>
                Add generator
              </Button>
            </>
          ) : null
        }
      />
      <SectionNav projectId={projectId} />
      {generators.length === 0 ? (
        <Card>
          <EmptyState
            icon="⚙"
            title="No generators yet"
            action={
              <Button variant="primary" onClick={() => setEditing({ kind: "new" })}>
                Add generator
              </Button>
            }
          >
            Point Arbiter at a vLLM, TGI, SGLang, llama.cpp or Ollama server. Add two (different models, or
            different settings) to compare them. Already have completions?{" "}
            <a href={`/projects/${projectId}/import`}>Import them</a>.
          </EmptyState>
        </Card>
      ) : (
        <div className={styles.grid}>
          {generators.map((g) => (
            <GeneratorCard
              key={g.id}
              projectId={projectId}
              generator={g}
              onEdit={() => setEditing({ kind: "edit", generator: g })}
              onRemove={() => setRemoving(g)}
            />
          ))}
        </div>
      )}

      <GeneratorDialog
        open={editing !== null}
        generator={editing?.kind === "edit" ? editing.generator : null}
        onClose={() => setEditing(null)}
        onSubmit={async (body) => {
          if (editing?.kind === "edit") {
            const { generator } = await updateGenerator(projectId, editing.generator.id, body);
            setGenerators((all) => all.map((g) => (g.id === generator.id ? generator : g)));
            toast({ tone: "success", message: `${generator.name} saved` });
          } else {
            const { generator } = await createGenerator(projectId, body);
            setGenerators((all) => [...all, generator]);
            toast({ tone: "success", message: `${generator.name} added; test its connection next` });
          }
        }}
      />
      <ConfirmDialog
        open={removing !== null}
        title={`Remove ${removing?.name ?? "generator"}?`}
        confirmLabel="Remove"
        danger
        onClose={() => setRemoving(null)}
        onConfirm={async () => {
          if (!removing) return;
          await deleteGenerator(projectId, removing.id);
          setGenerators((all) => all.filter((g) => g.id !== removing.id));
          toast({ message: `${removing.name} removed` });
        }}
      >
        Its completions and the items built from them stay. Runs still queued for it stop sending its
        remaining samples.
      </ConfirmDialog>
    </>
  );
}

function GeneratorCard({
  projectId,
  generator: g,
  onEdit,
  onRemove,
}: {
  projectId: string;
  generator: TGenerator;
  onEdit: () => void;
  onRemove: () => void;
}) {
  const params = Object.entries(g.params);
  return (
    <Card data-testid="generator-card" aria-label={g.name}>
      <CardHeader
        title={
          <span className={styles.cardTitle}>
            {g.name}
            <Badge tone="accent">{g.mode === "chat" ? "Chat" : "Completion"}</Badge>
          </span>
        }
      />
      <CardBody>
        <dl className={styles.facts}>
          <div>
            <dt>Model</dt>
            <dd className={styles.mono}>{g.model}</dd>
          </div>
          <div>
            <dt>Base URL</dt>
            <dd className={styles.mono}>{g.baseUrl}</dd>
          </div>
          <div>
            <dt>Parameters</dt>
            <dd>
              {params.length === 0 ? (
                <span className={styles.note}>server defaults</span>
              ) : (
                <span className={styles.chips}>
                  {params.map(([k, v]) => (
                    <span key={k} className={styles.chip}>
                      {k}={JSON.stringify(v)}
                    </span>
                  ))}
                </span>
              )}
            </dd>
          </div>
          <div>
            <dt>Capacity</dt>
            <dd>
              {g.concurrency} at once
              {g.requestsPerMinute
                ? ` · ${g.requestsPerMinute.toLocaleString("en")}/min`
                : " · no rate limit"}
            </dd>
          </div>
          <div>
            <dt>API key</dt>
            <dd>
              {g.apiKeySet ? (
                <>stored{g.apiKeyLast4 ? <span className={styles.mono}> …{g.apiKeyLast4}</span> : null}</>
              ) : g.apiKeyEnv ? (
                <>
                  from <span className={styles.mono}>${g.apiKeyEnv}</span> on the worker
                </>
              ) : (
                <span className={styles.note}>none</span>
              )}
            </dd>
          </div>
        </dl>
        <ConnectionTest projectId={projectId} generatorId={g.id}>
          <span className={styles.end}>
            <Button size="sm" variant="ghost" onClick={onEdit} aria-label={`Edit ${g.name}`}>
              Edit
            </Button>
            <Button size="sm" variant="ghost" onClick={onRemove} aria-label={`Remove ${g.name}`}>
              Remove
            </Button>
          </span>
        </ConnectionTest>
      </CardBody>
    </Card>
  );
}
