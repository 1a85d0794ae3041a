import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";

export const DEPLOY_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const KUSTOMIZE_ROOT = path.join(DEPLOY_ROOT, "kubernetes");
export const TARGETS = ["base", "overlays/production", "overlays/gpu"] as const;

// A rendered object, loosely typed: the tests walk whatever the manifests hold.
export type TObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string };
  // biome-ignore lint/suspicious/noExplicitAny: manifests are arbitrary YAML until validated.
  [k: string]: any;
};

/** `kubectl kustomize` of a target, as `kubectl apply -k` would send it. */
export function render(target: string): TObject[] {
  let out: string;
  try {
    out = execFileSync("kubectl", ["kustomize", path.join(KUSTOMIZE_ROOT, target)], { encoding: "utf8" });
  } catch (err) {
    throw new Error(`kubectl kustomize ${target} failed (is kubectl installed?): ${(err as Error).message}`);
  }
  return parseAllDocuments(out).map((d) => d.toJS() as TObject);
}

/** kubernetes-models' class for an object's apiVersion and kind: it carries that schema's validator. */
export async function modelClass(obj: TObject): Promise<new (data: object) => { validate: () => void }> {
  const group = obj.apiVersion.includes("/") ? obj.apiVersion : `v1`;
  const mod = await import(`kubernetes-models/${group}`);
  const cls = mod[obj.kind];
  if (!cls) throw new Error(`kubernetes-models has no ${obj.apiVersion} ${obj.kind}`);
  return cls;
}

/**
 * Every property name any Kubernetes schema of kubernetes-models knows. Its validators accept
 * unknown fields (the API server drops them with a warning), so a misspelt field such as
 * `readinesProbe` would pass them; this list catches it.
 */
export function knownFieldNames(): Set<string> {
  const models = createRequire(import.meta.url).resolve("kubernetes-models/package.json");
  // The API types, and the metadata types (ObjectMeta, LabelSelector) they share.
  const packages = [models, createRequire(models).resolve("@kubernetes-models/apimachinery/package.json")];
  const names = new Set<string>();
  for (const pkg of packages) {
    const dir = path.join(path.dirname(pkg), "_schemas");
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".js"))) {
      const text = readFileSync(path.join(dir, file), "utf8");
      for (const m of text.matchAll(/data\.([A-Za-z_$][\w$]*)|data\["([^"]+)"\]/g)) names.add(m[1] ?? m[2]!);
    }
  }
  return names;
}

// Fields whose keys are free-form (names chosen by the user), not schema properties.
const FREE_FORM = new Set([
  "labels",
  "annotations",
  "data",
  "stringData",
  "matchLabels",
  "nodeSelector",
  "requests",
  "limits",
  "capacity",
  "selector",
]);

/** The paths of keys in `value` that no schema knows. */
export function unknownFields(value: unknown, known: Set<string>, at = ""): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => unknownFields(v, known, `${at}[${i}]`));
  if (!value || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, v]) => {
    const here = at ? `${at}.${key}` : key;
    if (!known.has(key)) return [here];
    // A Service's selector is a map; a Deployment's is a LabelSelector (checked as such).
    if (FREE_FORM.has(key) && !(key === "selector" && v && typeof v === "object" && "matchLabels" in v))
      return [];
    return unknownFields(v, known, here);
  });
}

export type TPodOwner = { obj: TObject; pod: TObject["spec"] };

/** Deployments and Jobs with their pod specs. */
export function podOwners(objects: TObject[]): TPodOwner[] {
  return objects
    .filter((o) => o.kind === "Deployment" || o.kind === "Job")
    .map((obj) => ({ obj, pod: obj.spec.template.spec }));
}
