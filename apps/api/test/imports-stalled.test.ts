import type { AddressInfo } from "node:net";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProject } from "./support/annotation";
import { createHarness, type Harness, type TestUser } from "./support/harness";

// Short, so that a stall is seen quickly; the default is 30 s.
const READ_TIMEOUT_MS = 600;
const BOUNDARY = "----arbiter-stall-boundary";

let h: Harness;
let researcher: TestUser;
let port: number;
let projectId: string;
beforeAll(async () => {
  h = await createHarness({ IMPORT_READ_TIMEOUT_MS: String(READ_TIMEOUT_MS) });
  researcher = await h.user("RESEARCHER");
  projectId = await createProject(h, researcher, { name: "Stalled imports" });
  await h.app.listen({ host: "127.0.0.1", port: 0 });
  port = (h.app.server.address() as AddressInfo).port;
});
afterAll(async () => {
  h?.app.server.closeAllConnections();
  await h?.close();
});

type Outcome = { response: string; closedAfterMs: number };

/**
 * Sends the request head and `body` over a raw socket, announcing a longer body than that,
 * then sends nothing more: a client that stalls mid-upload. Resolves when the server closes
 * the connection, with everything it answered.
 */
function stallAfter(body: string): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = net.connect({ host: "127.0.0.1", port });
    let response = "";
    socket.setEncoding("utf8");
    socket.on("data", (d) => {
      response += d;
    });
    socket.on("error", reject);
    socket.on("close", () => resolve({ response, closedAfterMs: Date.now() - started }));
    // Longer than the test: if the server never answers, this fails it instead of hanging.
    socket.setTimeout(15_000, () => socket.destroy(new Error(`no answer; got: ${response}`)));
    socket.write(
      [
        `POST /api/v1/projects/${projectId}/prompts/import HTTP/1.1`,
        `Host: 127.0.0.1:${port}`,
        `Authorization: Bearer ${researcher.token}`,
        `Content-Type: multipart/form-data; boundary=${BOUNDARY}`,
        `Content-Length: ${body.length + 100_000}`,
        "",
        "",
      ].join("\r\n") + body,
    );
  });
}

const part = (lines: string[]) =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="prompts.jsonl"\r\n` +
  `Content-Type: application/octet-stream\r\n\r\n${lines.join("\n")}\n`;

describe("an import upload that stops arriving", () => {
  it("mid-file: answered 408 naming the stall, the connection closed, nothing imported", async () => {
    const lines = Array.from({ length: 50 }, (_, i) => JSON.stringify({ text: `Prompt ${i}` }));
    const { response, closedAfterMs } = await stallAfter(part(lines));
    expect(response).toMatch(/^HTTP\/1\.1 408 /);
    expect(response).toMatch(/connection: close/i);
    const body = JSON.parse(response.slice(response.indexOf("\r\n\r\n") + 4));
    expect(body.error).toMatchObject({
      code: "upload_stalled",
      message: expect.stringMatching(/nothing was received for 0\.6 s/),
    });
    expect(closedAfterMs).toBeGreaterThanOrEqual(READ_TIMEOUT_MS);
    expect(closedAfterMs).toBeLessThan(10_000);
    expect(await h.db.prisma.prompt.count({ where: { projectId } })).toBe(0);
    // The import's database connection went back to the pool.
    expect(h.app.db.pool.totalCount - h.app.db.pool.idleCount).toBe(0);
  });

  it("before the file part even began: the same 408", async () => {
    const { response } = await stallAfter(`--${BOUNDARY}\r\nContent-Disposition: form-da`);
    expect(response).toMatch(/^HTTP\/1\.1 408 /);
    expect(response).toContain('"code":"upload_stalled"');
  });

  it("a slow but steady upload is not a stall", async () => {
    const lines = Array.from({ length: 6 }, (_, i) => JSON.stringify({ text: `Steady ${i}` }));
    const body = `${part(lines)}\r\n--${BOUNDARY}--\r\n`;
    const socket = net.connect({ host: "127.0.0.1", port });
    let response = "";
    socket.setEncoding("utf8");
    socket.on("data", (d) => {
      response += d;
    });
    const done = new Promise<void>((resolve) => socket.on("end", () => resolve()));
    socket.write(
      [
        `POST /api/v1/projects/${projectId}/prompts/import HTTP/1.1`,
        `Host: 127.0.0.1:${port}`,
        `Authorization: Bearer ${researcher.token}`,
        `Content-Type: multipart/form-data; boundary=${BOUNDARY}`,
        `Content-Length: ${body.length}`,
        "Connection: close",
        "",
        "",
      ].join("\r\n"),
    );
    // A chunk every 200 ms: the whole takes several timeouts' worth, no gap reaches one.
    const chunks = body.match(/[\s\S]{1,40}/g)!;
    for (const chunk of chunks) {
      socket.write(chunk);
      await new Promise((r) => setTimeout(r, 200));
    }
    await done;
    expect(response, response).toMatch(/^HTTP\/1\.1 200 /);
    expect(await h.db.prisma.prompt.count({ where: { projectId } })).toBe(6);
  }, 30_000);
});
