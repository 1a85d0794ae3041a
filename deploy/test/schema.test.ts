import { describe, expect, it } from "vitest";
import { knownFieldNames, modelClass, render, TARGETS, unknownFields } from "./support/manifests";

const known = knownFieldNames();

describe.each(TARGETS)("kubectl kustomize %s", (target) => {
  const objects = render(target);

  it("renders the web, API and worker Deployments, the migration Job and their Services", () => {
    const names = objects.map((o) => `${o.kind}/${o.metadata.name}`);
    for (const expected of [
      "Deployment/arbiter-api",
      "Deployment/arbiter-worker",
      "Deployment/arbiter-web",
      "Job/arbiter-migrate",
      "Service/arbiter-api",
      "Service/arbiter-web",
      "PersistentVolumeClaim/arbiter-exports",
      "HorizontalPodAutoscaler/arbiter-api",
      "HorizontalPodAutoscaler/arbiter-worker",
      "PodDisruptionBudget/arbiter-api",
    ])
      expect(names).toContain(expected);
    expect(new Set(names).size).toBe(names.length);
  });

  it("validates every object against its Kubernetes schema (kubernetes-models)", async () => {
    for (const obj of objects) {
      const Model = await modelClass(obj);
      expect(() => new Model(obj).validate(), `${obj.kind}/${obj.metadata.name}`).not.toThrow();
    }
  });

  it("uses no field the schemas do not know (a misspelt field would be dropped by the API server)", () => {
    for (const obj of objects)
      expect(unknownFields(obj, known), `${obj.kind}/${obj.metadata.name}`).toEqual([]);
  });
});

describe("the schema checks themselves", () => {
  it("reject a wrong type and a misspelt field", async () => {
    const [deployment] = render("base").filter((o) => o.kind === "Deployment");
    const broken = structuredClone(deployment!);
    broken.spec.template.spec.containers[0].resources.limits.cpu = "two cores";
    const Model = await modelClass(broken);
    expect(() => new Model(broken).validate()).toThrow(/quantity/);
    broken.spec.template.spec.containers[0].readinesProbe = {};
    expect(unknownFields(broken, known)).toEqual(["spec.template.spec.containers[0].readinesProbe"]);
  });
});
