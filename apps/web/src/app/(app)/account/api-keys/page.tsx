import type { TApiKeyListResponse } from "@arbiter/shared";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ApiKeysPage } from "@/features/account/api-keys/api-keys-page";
import { requireUser, serverGet } from "@/lib/server-api";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysRoute() {
  const user = await requireUser();
  // The API mints keys for staff only; annotators have nothing to script.
  if (user.role === "ANNOTATOR") notFound();
  const { apiKeys } = await serverGet<TApiKeyListResponse>("/api-keys");
  return <ApiKeysPage initial={apiKeys} />;
}
