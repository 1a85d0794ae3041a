import { defineConfig } from "tsup";

// The CLI as one ES module for the packed package (`npm pack` runs this through `prepack`);
// npm dependencies stay external and are installed with it.
export default defineConfig({
  entry: { cli: "src/cli/main.ts" },
  format: "esm",
  target: "node20",
  platform: "node",
  outDir: "dist",
  clean: true,
});
