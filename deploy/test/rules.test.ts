import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { APP_ENV, TOOL_ENV } from "./support/app-env";
import { KUSTOMIZE_ROOT, podOwners, render, TARGETS, type TObject } from "./support/manifests";

// Names whose values are credentials: only ever from a Secret.
const SENSITIVE = /SECRET|PASSWORD|TOKEN|_KEY(_|$)|^DATABASE_URL$|^REDIS_URL$/;
const ARBITER_IMAGES = /\/?arbiter-(api|worker|web)(:|$)/;
// Third-party server that writes caches across its root filesystem (overlays/gpu/vllm.yaml).
const WRITABLE_ROOT = new Set(["vllm"]);

const secretExampleText = readFileSync(path.join(KUSTOMIZE_ROOT, "secret.example.yaml"), "utf8");
const secretExample = parse(secretExampleText);

// biome-ignore lint/suspicious/noExplicitAny: container and volume specs as rendered.
type TContainer = any;
const containersOf = (pod: TObject["spec"]): TContainer[] => [
  ...(pod.initContainers ?? []),
  ...pod.containers,
];
const byKind = (objects: TObject[], kind: string) => objects.filter((o) => o.kind === kind);
const find = (objects: TObject[], kind: string, name: string) => {
  const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (!found) throw new Error(`no ${kind}/${name}`);
  return found;
};

/** Every variable a container receives: its own env and the keys of the ConfigMaps it loads whole. */
function envNames(container: TContainer, objects: TObject[]): string[] {
  const own = (container.env ?? []).map((e: { name: string }) => e.name);
  const loaded = (container.envFrom ?? []).flatMap((f: { configMapRef?: { name: string } }) =>
    Object.keys(find(objects, "ConfigMap", f.configMapRef!.name).data ?? {}),
  );
  return [...own, ...loaded];
}

function envValue(container: TContainer, objects: TObject[], name: string): string | undefined {
  const own = (container.env ?? []).find((e: { name: string }) => e.name === name);
  if (own) return own.value;
  for (const f of container.envFrom ?? []) {
    const value = find(objects, "ConfigMap", f.configMapRef.name).data?.[name];
    if (value !== undefined) return value;
  }
  return undefined;
}

describe.each(TARGETS)("%s follows the deployment rules", (target) => {
  const objects = render(target);
  const owners = podOwners(objects);

  it("gives every container resource requests and limits, and every long-running one probes", () => {
    for (const { obj, pod } of owners)
      for (const c of containersOf(pod)) {
        const where = `${obj.kind}/${obj.metadata.name} ${c.name}`;
        for (const kind of ["requests", "limits"])
          expect(Object.keys(c.resources?.[kind] ?? {}), `${where} ${kind}`).toEqual(
            expect.arrayContaining(["cpu", "memory"]),
          );
      }
    for (const { obj, pod } of owners.filter((o) => o.obj.kind === "Deployment"))
      for (const c of pod.containers) {
        const where = `${obj.metadata.name} ${c.name}`;
        expect(c.readinessProbe, `${where} readiness`).toBeDefined();
        expect(c.livenessProbe, `${where} liveness`).toBeDefined();
        // Probes name a port the container declares.
        const ports = new Set(
          (c.ports ?? []).flatMap((p: { name?: string; containerPort: number }) => [p.name, p.containerPort]),
        );
        for (const probe of [c.startupProbe, c.readinessProbe, c.livenessProbe].filter(Boolean))
          expect(ports.has(probe.httpGet.port), `${where} probe port ${probe.httpGet.port}`).toBe(true);
      }
  });

  it("runs every pod as non-root, without privilege escalation or capabilities, on a read-only root where the app allows", () => {
    for (const { obj, pod } of owners) {
      expect(pod.securityContext?.runAsNonRoot, obj.metadata.name).toBe(true);
      expect(pod.securityContext?.seccompProfile?.type, obj.metadata.name).toBe("RuntimeDefault");
      expect(pod.automountServiceAccountToken, obj.metadata.name).toBe(false);
      for (const c of containersOf(pod)) {
        const where = `${obj.metadata.name} ${c.name}`;
        expect(c.securityContext?.allowPrivilegeEscalation, where).toBe(false);
        expect(c.securityContext?.capabilities?.drop, where).toEqual(["ALL"]);
        expect(c.securityContext?.readOnlyRootFilesystem, where).toBe(!WRITABLE_ROOT.has(c.name));
      }
    }
  });

  it("inlines no secret: credentials come from secretKeyRef, every key the example Secret documents", () => {
    expect(byKind(objects, "Secret")).toEqual([]);
    for (const cm of byKind(objects, "ConfigMap"))
      expect(
        Object.keys(cm.data ?? {}).filter((k) => SENSITIVE.test(k)),
        cm.metadata.name,
      ).toEqual([]);
    for (const { obj, pod } of owners)
      for (const c of containersOf(pod))
        for (const e of c.env ?? []) {
          const where = `${obj.metadata.name} ${c.name} ${e.name}`;
          if (SENSITIVE.test(e.name)) expect(e.valueFrom?.secretKeyRef, where).toBeDefined();
          const ref = e.valueFrom?.secretKeyRef;
          if (ref?.name === "arbiter-secrets") {
            expect(secretExampleText, `${where} in secret.example.yaml`).toContain(`${ref.key}:`);
            if (!ref.optional) expect(Object.keys(secretExample.stringData), where).toContain(ref.key);
          }
        }
  });

  it("pins every image to a tag, and the Arbiter images to one and the same tag", () => {
    const images = owners.flatMap(({ pod }) => containersOf(pod).map((c: TContainer) => c.image as string));
    for (const image of images) {
      const tag = image.split("/").pop()!.split(":")[1];
      expect(tag, image).toMatch(/^[\w][\w.-]*$/);
      expect(tag, image).not.toBe("latest");
    }
    const tags = new Set(images.filter((i) => ARBITER_IMAGES.test(i)).map((i) => i.split(":").pop()));
    expect(tags.size).toBe(1);
  });

  it("passes each app only variables its env schema reads", () => {
    for (const { obj, pod } of owners)
      for (const c of containersOf(pod)) {
        const app = c.name in APP_ENV ? APP_ENV[c.name]! : (name: string) => TOOL_ENV.has(name);
        if (WRITABLE_ROOT.has(c.name)) continue;
        const unknown = envNames(c, objects).filter((name) => !app(name));
        expect(unknown, `${obj.metadata.name} ${c.name}`).toEqual([]);
      }
  });

  it("wires names together: ConfigMaps, volumes, Services, autoscalers and budgets point at what exists", () => {
    const deployments = byKind(objects, "Deployment");
    const podLabels = deployments.map((d) => d.spec.template.metadata.labels);
    const matches = (selector: Record<string, string>) =>
      podLabels.some((labels) => Object.entries(selector).every(([k, v]) => labels[k] === v));
    for (const { pod } of owners)
      for (const v of pod.volumes ?? [])
        if (v.persistentVolumeClaim)
          find(objects, "PersistentVolumeClaim", v.persistentVolumeClaim.claimName);
    for (const svc of byKind(objects, "Service"))
      expect(matches(svc.spec.selector), svc.metadata.name).toBe(true);
    for (const pdb of byKind(objects, "PodDisruptionBudget"))
      expect(matches(pdb.spec.selector.matchLabels), pdb.metadata.name).toBe(true);
    for (const hpa of byKind(objects, "HorizontalPodAutoscaler")) {
      const scaled = find(objects, "Deployment", hpa.spec.scaleTargetRef.name);
      // The autoscaler owns the count; a replicas field would reset it on every apply.
      expect(scaled.spec.replicas, hpa.metadata.name).toBeUndefined();
    }
    if (target === "overlays/production")
      for (const obj of objects.filter((o) => o.kind !== "Namespace"))
        expect(obj.metadata.namespace, `${obj.kind}/${obj.metadata.name}`).toBe("arbiter");
  });

  it("shares one ReadWriteMany exports volume between the API and the worker, at their EXPORT_DIR", () => {
    expect(find(objects, "PersistentVolumeClaim", "arbiter-exports").spec.accessModes).toEqual([
      "ReadWriteMany",
    ]);
    for (const name of ["arbiter-api", "arbiter-worker"]) {
      const pod = find(objects, "Deployment", name).spec.template.spec;
      const volume = pod.volumes.find(
        (v: TContainer) => v.persistentVolumeClaim?.claimName === "arbiter-exports",
      );
      const main = pod.containers[0];
      const mount = main.volumeMounts.find((m: TContainer) => m.name === volume.name);
      expect(mount.mountPath, name).toBe(envValue(main, objects, "EXPORT_DIR"));
    }
  });

  it("drains the API for longer than readiness takes to fail, and within the grace period", () => {
    const pod = find(objects, "Deployment", "arbiter-api").spec.template.spec;
    const api = pod.containers.find((c: TContainer) => c.name === "api");
    const drainMs = Number(envValue(api, objects, "SHUTDOWN_DRAIN_MS"));
    const probe = api.readinessProbe;
    const unreadyAfterMs = (probe.periodSeconds ?? 10) * (probe.failureThreshold ?? 3) * 1000;
    expect(drainMs).toBeGreaterThan(unreadyAfterMs);
    // What is left of the grace period after the drain serves the requests still in flight.
    expect(pod.terminationGracePeriodSeconds * 1000 - drainMs).toBeGreaterThanOrEqual(30_000);
  });

  it("runs the migration before the new pods serve: they wait for the schema in an init container", () => {
    const job = find(objects, "Job", "arbiter-migrate").spec.template.spec.containers[0];
    const apiImage = find(objects, "Deployment", "arbiter-api").spec.template.spec.containers[0].image;
    expect(job.image).toBe(apiImage);
    expect(job.command.join(" ")).toContain("packages/db/src/cli/prepare.ts");
    for (const name of ["arbiter-api", "arbiter-worker"]) {
      const pod = find(objects, "Deployment", name).spec.template.spec;
      const [wait] = pod.initContainers;
      expect(wait.command.join(" "), name).toContain("prisma migrate status");
      expect(wait.image, name).toBe(pod.containers[0].image);
    }
  });

  it("scales the API on CPU and the worker on queue depth (arbiter_queue_jobs)", () => {
    const api = find(objects, "HorizontalPodAutoscaler", "arbiter-api");
    expect(api.spec.metrics.map((m: TContainer) => m.resource?.name)).toEqual(["cpu"]);
    const worker = find(objects, "HorizontalPodAutoscaler", "arbiter-worker");
    for (const m of worker.spec.metrics) {
      expect(m.external.metric.name).toBe("arbiter_queue_jobs");
      expect(Object.keys(m.external.metric.selector.matchLabels).sort()).toEqual(["queue", "state"]);
    }
  });
});

describe("overlays", () => {
  it("production serves the web app through an Ingress with TLS", () => {
    const ingress = find(render("overlays/production"), "Ingress", "arbiter");
    expect(ingress.spec.tls[0].secretName).toBeTruthy();
    expect(ingress.spec.tls[0].hosts).toEqual([ingress.spec.rules[0].host]);
    expect(ingress.spec.rules[0].http.paths[0].backend.service.name).toBe("arbiter-web");
  });

  it("gpu adds vLLM on a GPU and lets generators reach its Service", () => {
    const objects = render("overlays/gpu");
    const vllm = find(objects, "Deployment", "vllm").spec.template.spec.containers[0];
    expect(vllm.resources.limits["nvidia.com/gpu"]).toBe("1");
    const service = find(objects, "Service", "vllm");
    const allowed = find(objects, "Deployment", "arbiter-worker").spec.template.spec.containers[0];
    expect(envValue(allowed, objects, "GENERATOR_ALLOWED_HOSTS")).toBe(`vllm:${service.spec.ports[0].port}`);
  });
});
