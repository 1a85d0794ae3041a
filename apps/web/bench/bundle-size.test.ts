import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { firstLoadJs, routeChunkFiles } from "./bundle-size";

const ROUTE = "(app)/annotate/[projectId]/page";

/** A `.next` folder shaped like a Turbopack build's: manifests plus the chunks they name. */
function fakeBuild(chunks: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "bundle-size-"));
  mkdirSync(path.join(dir, "static", "chunks"), { recursive: true });
  for (const [name, text] of Object.entries(chunks)) writeFileSync(path.join(dir, name), text);
  writeFileSync(
    path.join(dir, "build-manifest.json"),
    JSON.stringify({
      polyfillFiles: ["static/chunks/polyfill.js"],
      rootMainFiles: ["static/chunks/react.js"],
    }),
  );
  const manifest = {
    entryJSFiles: {
      "[project]/apps/web/src/app/layout": ["static/chunks/layout.js"],
      "[project]/apps/web/src/app/(app)/annotate/[projectId]/page": [
        "static/chunks/layout.js",
        "static/chunks/page.js",
      ],
    },
  };
  const routeDir = path.join(dir, "server", "app", "(app)", "annotate", "[projectId]");
  mkdirSync(routeDir, { recursive: true });
  writeFileSync(
    path.join(routeDir, "page_client-reference-manifest.js"),
    `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};globalThis.__RSC_MANIFEST["/${ROUTE}"] = ${JSON.stringify(manifest)};`,
  );
  return dir;
}

describe("first-load JavaScript of a route", () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it("lists the root main files and every segment's entry chunks once, without polyfills", () => {
    expect(
      routeChunkFiles(["static/chunks/react.js"], {
        layout: ["static/chunks/layout.js"],
        page: ["static/chunks/layout.js", "static/chunks/page.js"],
      }),
    ).toEqual(["static/chunks/react.js", "static/chunks/layout.js", "static/chunks/page.js"]);
  });

  it("sums the gzipped size of each chunk of the route, largest first", () => {
    const texts = {
      "static/chunks/react.js": "react ".repeat(5000),
      "static/chunks/layout.js": "export const layout = 1;",
      "static/chunks/page.js": Array.from({ length: 3000 }, (_, i) => `v${i * 7919}`).join(","),
      "static/chunks/polyfill.js": "polyfill ".repeat(9000),
      "static/chunks/lazy.js": "only loaded by import()",
    };
    const dir = fakeBuild(texts);
    dirs.push(dir);
    const gz = (name: keyof typeof texts) => gzipSync(Buffer.from(texts[name])).length;

    const result = firstLoadJs(path.join(dir), ROUTE);

    expect(result.chunks.map((c) => c.file).sort()).toEqual([
      "static/chunks/layout.js",
      "static/chunks/page.js",
      "static/chunks/react.js",
    ]);
    expect(result.totalGzipBytes).toBe(
      gz("static/chunks/react.js") + gz("static/chunks/layout.js") + gz("static/chunks/page.js"),
    );
    expect(result.chunks[0]!.file).toBe("static/chunks/page.js");
    expect(result.chunks.find((c) => c.file.endsWith("react.js"))!.bytes).toBe(
      texts["static/chunks/react.js"].length,
    );
    const sizes = result.chunks.map((c) => c.gzipBytes);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
  });
});
