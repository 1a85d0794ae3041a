// No Docker engine runs where the tests do, so docker-compose.yml and docker/Dockerfile are
// kept honest by reading them: every reference must point at something that exists.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";

const root = path.resolve(import.meta.dirname, "../../..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");

type THealthcheck = { test: string[] };
type TService = {
  image?: string;
  build?: { context: string; dockerfile: string; target: string };
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: THealthcheck;
  profiles?: string[];
  command?: string[];
};

const document = parseDocument(read("docker-compose.yml"), { merge: true });
const compose = document.toJS() as { services: Record<string, TService>; volumes: Record<string, unknown> };
const services = compose.services;

/** Compose's interpolation with nothing set: defaults apply, required values stay marked. */
function interpolate(value: string): string {
  return value
    .replace(/\$\{\w+:-([^}]*)\}/g, "$1")
    .replace(/\$\{(\w+):\?[^}]*\}/g, "<required $1>")
    .replace(/\$\{\w+\}/g, "");
}
const env = (service: string) =>
  Object.fromEntries(
    Object.entries(services[service]!.environment ?? {}).map(([k, v]) => [k, interpolate(String(v))]),
  );

const dockerfile = read("docker/Dockerfile");
/** The Dockerfile's stages by name, each with its instructions. */
const stages = new Map<string, string>();
for (const block of dockerfile.split(/^(?=FROM )/m).filter((b) => b.startsWith("FROM "))) {
  const name = block.match(/^FROM\s+\S+\s+AS\s+(\S+)/i)?.[1];
  if (name) stages.set(name, block);
}

const APPS = { api: "apps/api", worker: "apps/worker", web: "apps/web", "model-server": "apps/model-server" };
const CORE = ["postgres", "redis", "api", "worker", "web"];

/** Every upper-case name the app's code (and the packages it bundles) could read from the env. */
function namesReadBy(app: string): Set<string> {
  const names = new Set<string>(["NODE_ENV"]);
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name))
        for (const m of readFileSync(full, "utf8").matchAll(/\b[A-Z][A-Z0-9_]+\b/g)) names.add(m[0]);
    }
  };
  walk(path.join(root, app, "src"));
  for (const pkg of readdirSync(path.join(root, "packages"))) walk(path.join(root, "packages", pkg, "src"));
  return names;
}

function containerPort(service: string): number {
  const mapping = services[service]!.ports?.[0];
  expect(mapping, `${service} publishes a port`).toBeDefined();
  return Number(interpolate(mapping!).split(":").at(-1));
}

function healthcheckPort(service: string): number {
  const test = services[service]!.healthcheck!.test.join(" ");
  return Number(test.match(/127\.0\.0\.1:(\d+)\//)?.[1]);
}

describe("docker-compose.yml", () => {
  it("is valid YAML without duplicate keys", () => {
    expect(document.errors).toEqual([]);
    expect(document.warnings).toEqual([]);
  });

  it("runs postgres 16, redis 7 and every app; the stand-in and vLLM only under their profiles", () => {
    for (const name of CORE) expect(services[name], name).toBeDefined();
    for (const name of CORE) expect(services[name]!.profiles, name).toBeUndefined();
    expect(services.postgres!.image).toBe("postgres:16");
    expect(services.redis!.image).toBe("redis:7");
    expect(services.redis!.command).toEqual(expect.arrayContaining(["--maxmemory-policy", "noeviction"]));
    expect(services["model-server"]!.profiles).toEqual(["demo"]);
    expect(services.vllm!.profiles).toEqual(["gpu"]);
  });

  it("gives every service an image or a build whose Dockerfile and target exist", () => {
    for (const [name, service] of Object.entries(services)) {
      expect(service.image ?? service.build, name).toBeDefined();
      if (!service.build) continue;
      expect(existsSync(path.join(root, service.build.context, service.build.dockerfile)), name).toBe(true);
      expect([...stages.keys()], name).toContain(service.build.target);
    }
  });

  it("gives every service a healthcheck, and waits only on healthy services", () => {
    for (const [name, service] of Object.entries(services)) {
      expect(service.healthcheck?.test.length, `${name} healthcheck`).toBeGreaterThan(0);
      for (const [dependency, { condition }] of Object.entries(service.depends_on ?? {})) {
        expect(services[dependency], `${name} -> ${dependency}`).toBeDefined();
        expect(condition, `${name} -> ${dependency}`).toBe("service_healthy");
        expect(services[dependency]!.profiles, `${name} must not need an optional service`).toBeUndefined();
      }
    }
    expect(Object.keys(services.api!.depends_on!)).toEqual(expect.arrayContaining(["postgres", "redis"]));
    // The API applies migrations before it reports ready; the worker must not race it.
    expect(Object.keys(services.worker!.depends_on!)).toEqual(
      expect.arrayContaining(["postgres", "redis", "api"]),
    );
    expect(Object.keys(services.web!.depends_on!)).toContain("api");
  });

  it("points api and worker at the postgres and redis containers, with a secret and shared exports", () => {
    const pg = env("postgres");
    for (const app of ["api", "worker"]) {
      const vars = env(app);
      const database = new URL(vars.DATABASE_URL!);
      expect(database.hostname, app).toBe("postgres");
      expect(decodeURIComponent(database.username)).toBe(pg.POSTGRES_USER);
      expect(decodeURIComponent(database.password)).toBe(pg.POSTGRES_PASSWORD);
      expect(database.pathname).toBe(`/${pg.POSTGRES_DB}`);
      expect(new URL(vars.REDIS_URL!).hostname, app).toBe("redis");
      expect(vars.ARBITER_SECRET, app).toBe("<required ARBITER_SECRET>");
      expect(path.isAbsolute(vars.EXPORT_DIR!), app).toBe(true);
      expect(services[app]!.volumes, app).toContain(`exports:${vars.EXPORT_DIR}`);
    }
  });

  it("sets only variables the apps read, and binds each app where it is reached", () => {
    for (const [service, dir] of Object.entries(APPS)) {
      const known = namesReadBy(dir);
      for (const name of Object.keys(env(service))) expect(known.has(name), `${service}: ${name}`).toBe(true);
    }
    const api = env("api");
    expect(api.API_HOST).toBe("0.0.0.0");
    expect(containerPort("api")).toBe(Number(api.API_PORT));
    expect(healthcheckPort("api")).toBe(Number(api.API_PORT));
    expect(healthcheckPort("worker")).toBe(Number(env("worker").WORKER_HEALTH_PORT));
    const apiUrl = new URL(env("web").API_URL!);
    expect([apiUrl.hostname, Number(apiUrl.port)]).toEqual(["api", Number(api.API_PORT)]);
    const webPort = Number(stages.get("web")!.match(/"-p",\s*"(\d+)"/)?.[1]);
    expect(containerPort("web")).toBe(webPort);
    expect(healthcheckPort("web")).toBe(webPort);
    const model = env("model-server");
    expect(model.MODEL_SERVER_HOST).toBe("0.0.0.0");
    expect(containerPort("model-server")).toBe(Number(model.MODEL_SERVER_PORT));
    expect(healthcheckPort("model-server")).toBe(Number(model.MODEL_SERVER_PORT));
  });

  it("declares every named volume it mounts", () => {
    for (const [name, service] of Object.entries(services)) {
      for (const volume of service.volumes ?? []) {
        const source = volume.split(":")[0]!;
        if (!source.startsWith(".") && !source.startsWith("/"))
          expect(compose.volumes, name).toHaveProperty(source);
      }
    }
  });
});

describe("docker/Dockerfile", () => {
  it("copies every workspace manifest before npm ci, so the lockfile installs", () => {
    const deps = stages.get("deps")!;
    // Every folder the root package.json's workspace globs ("apps/*", ...) take in.
    const globs = JSON.parse(read("package.json")).workspaces as string[];
    const workspaces = globs
      .map((glob) => glob.replace(/\/\*$/, ""))
      .flatMap((dir) =>
        readdirSync(path.join(root, dir))
          .map((name) => `${dir}/${name}`)
          .filter((ws) => existsSync(path.join(root, ws, "package.json"))),
      );
    for (const ws of workspaces) expect(deps, ws).toContain(`COPY ${ws}/package.json ${ws}/`);
    expect(deps.indexOf("COPY package.json package-lock.json")).toBeLessThan(deps.indexOf("npm ci"));
  });

  it("starts each app with the file its build produces", () => {
    for (const [target, dir] of Object.entries(APPS)) {
      const start = JSON.parse(read(`${dir}/package.json`)).scripts.start as string;
      const stage = stages.get(target)!;
      const entry = start.match(/^node (\S+)$/)?.[1];
      if (entry) expect(stage, target).toContain(`${dir}/${entry}`);
      else expect(stage, target).toMatch(/next", "start"/);
    }
  });

  it("migrates the database before the API starts", () => {
    const api = stages.get("api")!;
    expect(existsSync(path.join(root, "packages/db/src/cli/prepare.ts"))).toBe(true);
    expect(api.indexOf("packages/db/src/cli/prepare.ts")).toBeLessThan(
      api.indexOf("apps/api/dist/server.js"),
    );
    expect(api).toContain("exec node");
  });

  it("gives the API image a pg_dump of the compose Postgres's major version, for db:backup", () => {
    const major = String(services.postgres!.image).split(":")[1];
    expect(stages.get("api")).toContain(`postgresql-client-${major}`);
    expect(stages.get("api")).toMatch(/USER node\s*\nENV/);
  });

  it("keeps local state and secrets out of the build context", () => {
    const ignored = read(".dockerignore").split("\n");
    expect(ignored).toEqual(
      expect.arrayContaining(["**/node_modules", ".env", ".git", "**/.next", "**/dist"]),
    );
  });
});
