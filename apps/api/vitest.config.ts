import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    globalSetup: ["./test/support/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Each file has its own database; two cores are the limit here.
    maxWorkers: 2,
    // Autoloaded route files are TypeScript: its import() must go through Vite.
    server: { deps: { inline: ["@fastify/autoload"] } },
  },
});
