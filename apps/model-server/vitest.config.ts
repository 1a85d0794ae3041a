import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    testTimeout: 20_000,
    // Two cores shared with other suites; these files are light.
    maxWorkers: 2,
  },
});
