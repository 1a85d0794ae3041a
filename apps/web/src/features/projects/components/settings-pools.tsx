"use client";

import type { TPool, TProject } from "@arbiter/shared";
import { useState } from "react";
import {
  Button,
  Card,
  CardBody,
  CardHeader,
  errorMessage,
  FormError,
  SelectField,
  useToast,
} from "@/components/ui";
import { updateProject } from "../api";
import { NoPools } from "./pool-picker";
import styles from "./setup.module.css";

/**
 * The project's pools, changed at once: detaching is always allowed to editors, attaching
 * offers the pools the caller may attach (an admin's grant for researchers).
 */
export function SettingsPools({
  project,
  attachable,
  readOnly,
  onSaved,
}: {
  project: TProject;
  attachable: TPool[];
  readOnly: boolean;
  onSaved: (p: TProject) => void;
}) {
  const toast = useToast();
  const [choice, setChoice] = useState("");
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const offered = attachable.filter((p) => !project.poolIds.includes(p.id));

  async function save(poolIds: string[], key: string, message: string) {
    setBusy(key);
    setError(null);
    try {
      const { project: saved } = await updateProject(project.id, { poolIds });
      onSaved(saved);
      setChoice("");
      toast({ tone: "success", message });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  }

  return (
    <Card>
      <CardHeader
        title="Pools"
        description="Members of these pools see the project in their list while it is active."
      />
      <CardBody className={styles.fields}>
        {project.pools.length === 0 ? (
          <p className={styles.muted}>No pools attached: only the project's members can annotate.</p>
        ) : (
          <ul className={styles.attached} data-testid="attached-pools">
            {project.pools.map((pool) => (
              <li key={pool.id}>
                <span>{pool.name}</span>
                {readOnly ? null : (
                  <Button
                    size="sm"
                    loading={busy === pool.id}
                    aria-label={`Detach ${pool.name}`}
                    onClick={() =>
                      void save(
                        project.poolIds.filter((id) => id !== pool.id),
                        pool.id,
                        `${pool.name} detached`,
                      )
                    }
                  >
                    Detach
                  </Button>
                )}
              </li>
            ))}
          </ul>
        )}
        {readOnly ? null : offered.length > 0 ? (
          <div className={styles.attachRow}>
            <SelectField
              label="Attach a pool"
              value={choice}
              onChange={(e) => setChoice(e.target.value)}
              options={[
                { value: "", label: "Choose a pool…" },
                ...offered.map((p) => ({ value: p.id, label: p.name })),
              ]}
            />
            <Button
              disabled={!choice}
              loading={busy === "attach"}
              onClick={() =>
                void save(
                  [...project.poolIds, choice],
                  "attach",
                  `${offered.find((p) => p.id === choice)?.name ?? "Pool"} attached`,
                )
              }
            >
              Attach
            </Button>
          </div>
        ) : attachable.length === 0 ? (
          <NoPools />
        ) : (
          <p className={styles.muted}>Every pool you may attach is attached.</p>
        )}
        <FormError message={error} />
      </CardBody>
    </Card>
  );
}
