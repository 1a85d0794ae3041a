import { createHash } from "node:crypto";
import type { Db, Prisma } from "@arbiter/db";
import type { TPromptInput } from "@arbiter/shared";
import { assertProject } from "../projects/access";

/** The same conversation or text hashes the same however it was sent (metadata aside). */
export function promptContentHash(prompt: Pick<TPromptInput, "messages" | "text">): string {
  const canonical = prompt.messages
    ? JSON.stringify({ messages: prompt.messages.map((m) => [m.role, m.content]) })
    : JSON.stringify({ text: prompt.text });
  return createHash("sha256").update(canonical).digest("hex");
}

/** Adds prompts in one statement; prompts already in the project are reused, not duplicated. */
export async function addPrompts(db: Db, projectId: string, prompts: TPromptInput[]) {
  await assertProject(db, projectId);
  const hashes = prompts.map(promptContentHash);
  const existing = await db.prisma.prompt.findMany({
    where: { projectId, contentHash: { in: hashes } },
    select: { contentHash: true },
  });
  const before = new Set(existing.map((p) => p.contentHash));
  await db.prisma.prompt.createMany({
    data: prompts.map((p, i) => ({
      projectId,
      externalId: p.externalId ?? null,
      messages: (p.messages ?? undefined) as Prisma.InputJsonValue | undefined,
      text: p.text ?? null,
      metadata: (p.metadata ?? {}) as Prisma.InputJsonObject,
      contentHash: hashes[i]!,
    })),
    skipDuplicates: true,
  });
  const rows = await db.prisma.prompt.findMany({ where: { projectId, contentHash: { in: hashes } } });
  const byHash = new Map(rows.map((r) => [r.contentHash, r]));
  const seen = new Set<string>();
  return hashes.map((hash) => {
    const row = byHash.get(hash)!;
    const duplicate = before.has(hash) || seen.has(hash);
    seen.add(hash);
    return {
      id: row.id,
      externalId: row.externalId,
      messages: (row.messages as { role: "system" | "user" | "assistant"; content: string }[] | null) ?? null,
      text: row.text,
      metadata: row.metadata as Record<string, unknown>,
      duplicate,
    };
  });
}
