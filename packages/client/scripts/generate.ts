// `npm run generate -w @arbiter/client`: asks the API app for its OpenAPI document (built
// in-process by the API's own CLI, no port, no database) and writes openapi.json and
// src/schema.d.ts from it. Run it after changing a route; the drift test says when it is due.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { localBin, REPO_ROOT, runProcess } from "@arbiter/testkit";
import { renderDocument, renderSchemaTypes } from "./render-schema";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const api = await runProcess(localBin("tsx"), ["apps/api/src/cli/openapi.ts"], {
  cwd: REPO_ROOT,
  timeoutMs: 120_000,
});
if (api.status !== 0) throw new Error(`the API could not print its OpenAPI document:\n${api.output}`);
const document: unknown = JSON.parse(api.stdout);
await writeFile(path.join(root, "openapi.json"), renderDocument(document));
await writeFile(path.join(root, "src/schema.d.ts"), await renderSchemaTypes(document));
console.log("wrote packages/client/openapi.json and packages/client/src/schema.d.ts");
