import { readFileSync } from "node:fs";
import { defineConfig } from "tsup";

// Workspace packages ship TypeScript and are bundled; their npm dependencies stay
// external (installed in node_modules), as the app's own are.
const manifests = [
  "./package.json",
  "../../packages/aggregation/package.json",
  "../../packages/db/package.json",
  "../../packages/jobs/package.json",
  "../../packages/observability/package.json",
];
const external = manifests.flatMap((file) =>
  Object.keys(JSON.parse(readFileSync(new URL(file, import.meta.url), "utf8")).dependencies ?? {}).filter(
    (name) => !name.startsWith("@arbiter/"),
  ),
);

// Route folders are autoloaded at run time, so each routes.ts is its own entry and
// keeps its path under dist/features.
export default defineConfig({
  entry: ["src/server.ts", "src/cli/create-admin.ts", "src/features/*/routes.ts"],
  format: "esm",
  target: "node20",
  platform: "node",
  outDir: "dist",
  splitting: true,
  clean: true,
  noExternal: [/^@arbiter\//],
  external,
});
