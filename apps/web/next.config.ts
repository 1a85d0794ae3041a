import path from "node:path";
import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // These workspace packages export TypeScript source.
  transpilePackages: ["@arbiter/client", "@arbiter/shared"],
  // Dependencies are hoisted to the monorepo root.
  turbopack: { root: path.resolve(import.meta.dirname, "../..") },
  outputFileTracingRoot: path.resolve(import.meta.dirname, "../.."),
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

// The locale comes from the user's setting or the browser, not the URL (src/i18n/request.ts).
export default createNextIntlPlugin("./src/i18n/request.ts")(config);
