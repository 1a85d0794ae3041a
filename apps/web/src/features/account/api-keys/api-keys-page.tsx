"use client";

import type { TApiKey, TCreateApiKeyResponse } from "@arbiter/shared";
import { useEffect, useState } from "react";
import {
  Button,
  Card,
  ConfirmDialog,
  CopyField,
  EmptyState,
  ErrorState,
  errorMessage,
  PageHeader,
  useToast,
} from "@/components/ui";
import { listApiKeys, revokeApiKey } from "./api";
import styles from "./api-keys.module.css";
import { CreateKeyDialog } from "./create-key-dialog";
import { KeyList } from "./key-list";

/** The site's own address, known only in the browser (the server may sit behind a proxy). */
function useOrigin(): string {
  const [origin, setOrigin] = useState("");
  useEffect(() => setOrigin(window.location.origin), []);
  return origin;
}

export function ApiKeysPage({ initial }: { initial: TApiKey[] }) {
  const toast = useToast();
  const origin = useOrigin();
  const [keys, setKeys] = useState(initial);
  const [creating, setCreating] = useState(false);
  const [fresh, setFresh] = useState<TCreateApiKeyResponse | null>(null);
  const [revoking, setRevoking] = useState<TApiKey | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  async function reload() {
    try {
      setKeys((await listApiKeys()).apiKeys);
      setLoadError(null);
    } catch (err) {
      setLoadError(errorMessage(err));
    }
  }

  function created(result: TCreateApiKeyResponse) {
    setFresh(result);
    setKeys((all) => [result.apiKey, ...all]);
  }

  async function revoke(key: TApiKey) {
    await revokeApiKey(key.id);
    if (fresh?.apiKey.id === key.id) setFresh(null);
    toast({ tone: "success", message: `${key.name} is revoked; it stops working at once` });
    await reload();
  }

  return (
    <>
      <PageHeader
        eyebrow={<a href="/account">← Account</a>}
        title="API keys"
        description="Keys let scripts act as you: download exports with curl, start them from a training pipeline."
        actions={
          <Button variant="primary" onClick={() => setCreating(true)}>
            Create API key
          </Button>
        }
      />
      {fresh ? (
        <section className={styles.newToken} aria-labelledby="new-token-title" data-testid="new-token">
          <h2 id="new-token-title" className={styles.newTokenTitle}>
            Your new key “{fresh.apiKey.name}”
          </h2>
          <p className={styles.newTokenNote}>
            <strong>Copy it now: you won’t see it again.</strong> Arbiter keeps only a fingerprint of it. If
            you lose it, revoke it and create another.
          </p>
          <CopyField value={fresh.token} label="New API key" testId="new-token-value" />
          <pre className={styles.usage}>
            {`curl -H "Authorization: Bearer $ARBITER_API_KEY" ${origin}/api/v1/me`}
          </pre>
          <div className={styles.newTokenFoot}>
            <span>
              Keep it in <code>ARBITER_API_KEY</code>: the export page’s curl commands read it from there.
            </span>
            <Button size="sm" onClick={() => setFresh(null)}>
              I’ve saved it
            </Button>
          </div>
        </section>
      ) : null}
      {loadError ? (
        <ErrorState message={loadError} onRetry={() => void reload()} />
      ) : keys.length === 0 ? (
        <Card>
          <EmptyState
            icon="⚿"
            title="No API keys yet"
            action={
              <Button variant="primary" onClick={() => setCreating(true)}>
                Create API key
              </Button>
            }
          >
            An API key lets a script do what you can do without a browser: download an export’s files with the{" "}
            <code>curl</code> command on the export page, or request exports from a training pipeline. Each
            key is shown once; revoke it here when it is no longer needed.
          </EmptyState>
        </Card>
      ) : (
        <KeyList keys={keys} onRevoke={setRevoking} />
      )}
      <CreateKeyDialog open={creating} onClose={() => setCreating(false)} onCreated={created} />
      <ConfirmDialog
        open={revoking !== null}
        title="Revoke this key?"
        confirmLabel="Revoke key"
        danger
        onConfirm={() => revoke(revoking!)}
        onClose={() => setRevoking(null)}
      >
        Scripts using “{revoking?.name}” ({revoking?.prefix}…) stop working at once. This cannot be undone.
      </ConfirmDialog>
    </>
  );
}
