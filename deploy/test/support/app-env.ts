import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { ZApiEnv } from "../../../apps/api/src/env";
import { ZWorkerEnv } from "../../../apps/worker/src/env";
import { DEPLOY_ROOT } from "./manifests";

const REPO_ROOT = path.dirname(DEPLOY_ROOT);

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/** The variables the web app reads: it has no schema, so its sources are the list. */
function webEnvNames(): Set<string> {
  const web = path.join(REPO_ROOT, "apps/web");
  const sources = [...filesUnder(path.join(web, "src")), path.join(web, "server.mjs")];
  const names = new Set<string>();
  for (const file of sources.filter((f) => /\.(ts|tsx|mjs)$/.test(f)))
    for (const m of readFileSync(file, "utf8").matchAll(/process\.env\.([A-Z0-9_]+)/g)) names.add(m[1]!);
  return names;
}

/**
 * What each Arbiter container may be given: the names its env schema parses (a name it does
 * not know would be ignored silently, a setting that never takes effect).
 */
export const APP_ENV: Record<string, (name: string) => boolean> = {
  api: (name) => name in ZApiEnv.shape,
  // Operators' generator keys are read by name (apps/worker/src/inference/client.ts).
  worker: (name) => name in ZWorkerEnv.shape || /^ARBITER_GENERATOR_KEY_[A-Z0-9_]+$/.test(name),
  web: (name) => webEnvNames().has(name),
};

/** What the Prisma CLI steps (migration Job, wait-for-schema) read besides DATABASE_URL. */
export const TOOL_ENV = new Set(["DATABASE_URL", "HOME", "PRISMA_HIDE_UPDATE_MESSAGE", "CHECKPOINT_DISABLE"]);
