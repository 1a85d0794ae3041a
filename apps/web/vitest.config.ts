import { defineConfig } from "vitest/config";

// Unit tests of the page logic; the browser flows run through e2e/run.ts.
export default defineConfig({
  test: { include: ["src/**/*.test.ts"] },
});
