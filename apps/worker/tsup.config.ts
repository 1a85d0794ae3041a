import { readFileSync } from "node:fs";
import { defineConfig } from "tsup";

// Workspace packages ship TypeScript and are bundled; their npm dependencies stay
// external (installed in node_modules), as the worker's own are.
const manifests = [
  "./package.json",
  "../../packages/db/package.json",
  "../../packages/jobs/package.json",
  "../../packages/observability/package.json",
];
const external = manifests.flatMap((file) =>
  Object.keys(JSON.parse(readFileSync(new URL(file, import.meta.url), "utf8")).dependencies ?? {}).filter(
    (name) => !name.startsWith("@arbiter/"),
  ),
);

export default defineConfig({
  entry: ["src/index.ts"],
  format: "esm",
  target: "node20",
  platform: "node",
  outDir: "dist",
  // Code imported dynamically (tracing, loaded only when configured) stays in its own chunk.
  splitting: true,
  clean: true,
  noExternal: [/^@arbiter\//],
  external,
});
