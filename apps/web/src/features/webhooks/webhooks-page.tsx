"use client";

import type { TWebhookDelivery, TWebhookEndpoint, TWebhookSecretResponse } from "@arbiter/shared";
import { useState } from "react";
import {
  Badge,
  Button,
  Card,
  CardBody,
  ConfirmDialog,
  CopyField,
  EmptyState,
  ErrorState,
  errorMessage,
  PageHeader,
  useToast,
} from "@/components/ui";
import {
  deleteWebhook,
  listDeliveries,
  listWebhooks,
  rotateWebhookSecret,
  sendTestEvent,
  setWebhookActive,
} from "./api";
import { CreateWebhookDialog } from "./create-webhook-dialog";
import { DeliveriesLog } from "./deliveries-log";
import styles from "./webhooks.module.css";

/**
 * Webhook endpoints of one scope: a project's, or with `projectId` null the installation's
 * global ones. `canEdit` is false for a project's viewers.
 */
export function WebhooksPage({
  projectId,
  eyebrow,
  description,
  initial,
  canEdit,
}: {
  projectId: string | null;
  eyebrow: React.ReactNode;
  description: string;
  initial: TWebhookEndpoint[];
  canEdit: boolean;
}) {
  const toast = useToast();
  const [hooks, setHooks] = useState(initial);
  const [creating, setCreating] = useState(false);
  const [fresh, setFresh] = useState<TWebhookSecretResponse | null>(null);
  const [removing, setRemoving] = useState<TWebhookEndpoint | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  async function reload() {
    try {
      setHooks((await listWebhooks(projectId)).webhooks);
      setLoadError(null);
    } catch (err) {
      setLoadError(errorMessage(err));
    }
  }

  async function act(what: () => Promise<unknown>, success: string) {
    try {
      await what();
      toast({ tone: "success", message: success });
      await reload();
    } catch (err) {
      toast({ tone: "error", message: errorMessage(err) });
    }
  }

  const create = canEdit ? (
    <Button variant="primary" onClick={() => setCreating(true)}>
      Add endpoint
    </Button>
  ) : null;

  return (
    <>
      <PageHeader eyebrow={eyebrow} title="Webhooks" description={description} actions={create} />
      {fresh ? (
        <section className={styles.secret} aria-labelledby="new-secret-title" data-testid="new-secret">
          <h2 id="new-secret-title">Signing secret for {fresh.webhook.url}</h2>
          <p>
            <strong>Copy it now: you won’t see it again.</strong> Your receiver checks each request’s{" "}
            <code>webhook-signature</code> with it (see docs/webhooks.md).
          </p>
          <CopyField value={fresh.secret} label="Signing secret" testId="new-secret-value" />
          <div>
            <Button size="sm" onClick={() => setFresh(null)}>
              I’ve saved it
            </Button>
          </div>
        </section>
      ) : null}
      {loadError ? (
        <ErrorState message={loadError} onRetry={() => void reload()} />
      ) : hooks.length === 0 ? (
        <Card>
          <EmptyState icon="↗" title="No webhook endpoints yet" action={create}>
            An endpoint is a URL of your pipeline that Arbiter calls, signed, when an export finishes, a
            generation run ends, the project completes, an annotator is quarantined or new judgments arrive.
          </EmptyState>
        </Card>
      ) : (
        <div className={styles.list}>
          {hooks.map((hook) => (
            <EndpointCard
              key={hook.id}
              projectId={projectId}
              hook={hook}
              canEdit={canEdit}
              onTest={() => act(() => sendTestEvent(projectId, hook.id), "Test event queued")}
              onToggle={() =>
                act(
                  () => setWebhookActive(projectId, hook.id, !hook.active),
                  hook.active ? "Endpoint paused" : "Endpoint resumed",
                )
              }
              onRotate={async () => {
                try {
                  setFresh(await rotateWebhookSecret(projectId, hook.id));
                  await reload();
                } catch (err) {
                  toast({ tone: "error", message: errorMessage(err) });
                }
              }}
              onRemove={() => setRemoving(hook)}
            />
          ))}
        </div>
      )}
      <CreateWebhookDialog
        projectId={projectId}
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(created) => {
          setFresh(created);
          setHooks((all) => [...all, created.webhook]);
        }}
      />
      <ConfirmDialog
        open={removing !== null}
        title="Remove this endpoint?"
        confirmLabel="Remove endpoint"
        danger
        onConfirm={() => act(() => deleteWebhook(projectId, removing!.id), "Endpoint removed")}
        onClose={() => setRemoving(null)}
      >
        {removing?.url} stops receiving events, and its delivery log is deleted.
      </ConfirmDialog>
    </>
  );
}

function EndpointCard({
  projectId,
  hook,
  canEdit,
  onTest,
  onToggle,
  onRotate,
  onRemove,
}: {
  projectId: string | null;
  hook: TWebhookEndpoint;
  canEdit: boolean;
  onTest: () => Promise<void>;
  onToggle: () => Promise<void>;
  onRotate: () => Promise<void>;
  onRemove: () => void;
}) {
  const [deliveries, setDeliveries] = useState<TWebhookDelivery[] | null>(null);
  const [logError, setLogError] = useState<string | null>(null);

  async function loadLog() {
    try {
      setDeliveries((await listDeliveries(projectId, hook.id)).deliveries);
      setLogError(null);
    } catch (err) {
      setLogError(errorMessage(err));
    }
  }

  return (
    <Card data-testid="webhook-endpoint">
      <CardBody className={styles.body}>
        <div className={styles.head}>
          <div>
            <h2 className={styles.url}>{hook.url}</h2>
            <p className={styles.meta}>
              {hook.description ? `${hook.description} · ` : ""}
              {hook.events.join(", ")}
            </p>
          </div>
          <Badge tone={hook.active ? "success" : "neutral"}>{hook.active ? "Active" : "Paused"}</Badge>
        </div>
        <div className={styles.actions}>
          {canEdit ? (
            <>
              <Button
                size="sm"
                onClick={async () => {
                  await onTest();
                  await loadLog();
                }}
              >
                Send test event
              </Button>
              <Button size="sm" onClick={() => void onToggle()}>
                {hook.active ? "Pause" : "Resume"}
              </Button>
              <Button size="sm" onClick={() => void onRotate()}>
                Rotate secret
              </Button>
              <Button size="sm" variant="danger" onClick={onRemove}>
                Remove
              </Button>
            </>
          ) : null}
          <Button size="sm" onClick={() => void loadLog()}>
            {deliveries ? "Refresh deliveries" : "Show deliveries"}
          </Button>
        </div>
        {logError ? <ErrorState message={logError} onRetry={() => void loadLog()} /> : null}
        {deliveries ? <DeliveriesLog deliveries={deliveries} /> : null}
      </CardBody>
    </Card>
  );
}
