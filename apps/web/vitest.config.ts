import path from "node:path";
import { defineConfig } from "vitest/config";

// Unit tests of the page logic; the browser flows run through e2e/run.ts.
export default defineConfig({
  // The same "@/" as tsconfig, so logic modules can use the kit's helpers and stay testable.
  resolve: { alias: { "@": path.resolve(import.meta.dirname, "src") } },
  test: { include: ["src/**/*.test.ts", "bench/**/*.test.ts"] },
});
