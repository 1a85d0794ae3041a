import { access, mkdir, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { REPO_ROOT, runCommand, runProcess } from "@arbiter/testkit";
import { afterAll, beforeAll, expect, it } from "vitest";

// The package as users install it: `npm pack` (which compiles the CLI in `prepack`), installed
// into an empty folder, its bin run by plain Node with no TypeScript tooling around.

let root: string;
let bin: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "arbiter-pack-"));
  await runCommand("npm", ["pack", "-w", "@arbiter/client", "--pack-destination", root], { cwd: REPO_ROOT });
  const tarball = (await readdir(root)).find((f) => f.endsWith(".tgz"))!;
  const app = path.join(root, "app");
  await mkdir(app);
  await runCommand(
    "npm",
    ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error", path.join(root, tarball)],
    { cwd: app },
  );
  bin = path.join(app, "node_modules", ".bin", "arbiter");
}, 300_000);
afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

it("installs from the tarball with compiled JavaScript only", async () => {
  const installed = path.join(path.dirname(bin), "..", "@arbiter", "client");
  expect((await readdir(installed)).sort()).toEqual(["README.md", "bin", "dist", "package.json"]);
  await expect(access(path.join(installed, "dist", "cli.js"))).resolves.toBeUndefined();
});

it("runs `arbiter --help` and a command that needs its dependencies", async () => {
  const help = await runProcess(bin, ["--help"], { cwd: root });
  expect(help.status, help.output).toBe(0);
  expect(help.stdout).toContain("Exit codes:");
  expect(help.stdout).toContain("push-to-hub");

  // Nothing listens on port 9: the client and its fetch run, and say so with exit code 1.
  const unreachable = await runProcess(bin, ["projects", "list", "--json"], {
    cwd: root,
    env: {
      ARBITER_CONFIG_DIR: path.join(root, "config"),
      ARBITER_URL: "http://127.0.0.1:9",
      ARBITER_API_KEY: "arb_x",
    },
  });
  expect(unreachable.status, unreachable.output).toBe(1);
  expect(JSON.parse(unreachable.stdout)).toMatchObject({ error: { code: "network_error" } });
});
