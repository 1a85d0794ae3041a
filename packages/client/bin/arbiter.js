#!/usr/bin/env node
// The `arbiter` command. In the repository it runs the TypeScript source through tsx, so a
// fresh clone needs no build; the published package has no src/ and runs the compiled CLI.
import { existsSync } from "node:fs";

const source = new URL("../src/cli/main.ts", import.meta.url);
if (existsSync(source)) {
  const { tsImport } = await import("tsx/esm/api");
  await tsImport(source.href, import.meta.url);
} else {
  await import("../dist/cli.js");
}
