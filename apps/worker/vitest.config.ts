import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    globalSetup: ["./test/support/global-setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Each file has its own database and Redis prefix; two cores are the limit here.
    maxWorkers: 2,
  },
});
