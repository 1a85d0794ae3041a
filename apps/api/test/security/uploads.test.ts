import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer } from "../support/harness";
import { BOUNDARY, multipart } from "./support/http-stream";
import { databaseChecksum } from "./support/json-schema";
import { createWorld, IMPORT_LIMIT, type World } from "./support/world";

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => w?.close());

function upload(
  kind: "prompts" | "completions",
  payload: Buffer,
  headers: Record<string, string>,
  query = "",
) {
  return w.h.app.inject({
    method: "POST",
    url: `/api/v1/projects/${w.projectId}/${kind}/import${query}`,
    headers: { ...bearer(w.researcher), ...headers },
    payload,
  });
}

/** Refused cleanly: a 4xx, or a report whose every line is rejected and rolled back; nothing written either way. */
async function expectRefused(
  res: Awaited<ReturnType<typeof upload>>,
  before: Record<string, string>,
  what: string,
) {
  expect(res.statusCode, `${what}: ${res.body}`).toBeLessThan(500);
  if (res.statusCode === 200) {
    const report = res.json();
    expect(report.rejected, what).toBeGreaterThan(0);
    expect(report.rolledBack || report.imported === 0, what).toBe(true);
  } else {
    expect(res.statusCode, what).toBeGreaterThanOrEqual(400);
  }
  expect(await databaseChecksum(w.h.db), what).toEqual(before);
}

const deep = `${'{"a":'.repeat(2000)}1${"}".repeat(2000)}`;

const MALFORMED: [string, string | Buffer][] = [
  ["bad.jsonl", '{"text":"ok"}\n{"text": "unterminated\n'],
  ["bad.jsonl", '{"text":"ok"}\n[1,2,3]\n"just a string"\nnull\n'],
  ["bad.jsonl", '{"text":"a\\u0000b"}\n'],
  ["bad.jsonl", '{"text":"\\ud800"}\n'],
  ["bad.jsonl", `{"text":"deep","metadata":${deep}}\n`],
  ["bad.jsonl", Buffer.from([0xff, 0xfe, 0x00, 0x7b, 0x0a, 0xc3, 0x28, 0x0a])],
  ["bad.csv", 'text,metadata\n"unterminated,{}\n'],
  ["bad.csv", "text,metadata\nonly,too,many,columns\n"],
  ["bad.csv", 'text,metadata\nhello,"{not json"\n'],
  ["bad.csv", "text\na\u0000b\n"],
  ["bad.csv", `text,metadata\nx,"${deep.replaceAll('"', '""')}"\n`],
  ["bad.csv", Buffer.from([0x74, 0x65, 0x78, 0x74, 0x0a, 0xc3, 0x28, 0x00, 0x0a])],
];

describe("upload imports refuse what they cannot read, cleanly", () => {
  it("malformed JSONL and CSV: never a 5xx, nothing written", async () => {
    const before = await databaseChecksum(w.h.db);
    for (const [name, content] of MALFORMED) {
      const { payload, headers } = multipart(name, content);
      await expectRefused(
        await upload("prompts", payload, headers),
        before,
        `${name}: ${String(content).slice(0, 60)}`,
      );
    }
  });

  it("__proto__ and constructor keys in a line are plain data: refused by name like any unknown field, nothing is polluted", async () => {
    const lines =
      '{"__proto__":{"polluted":true},"text":"p1"}\n{"constructor":{"prototype":{"polluted":true}},"text":"p2"}\n';
    const { payload, headers } = multipart("proto.jsonl", lines);
    const res = await upload("prompts", payload, headers);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ imported: 0, rejected: 2 });
    const reasons = res
      .json()
      .rejects.map((r: { reason: string }) => r.reason)
      .join("\n");
    expect(reasons).toMatch(/__proto__/);
    expect(reasons).toMatch(/constructor/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const { rows } = await w.h.db.pool.query("SELECT 1 FROM prompts WHERE text IN ('p1', 'p2')");
    expect(rows).toEqual([]);
  });

  it("a gzip bomb is not inflated: sent as a file or as Content-Encoding, it is refused", async () => {
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, "{}\n"), { level: 9 });
    expect(bomb.length).toBeLessThan(IMPORT_LIMIT);
    const before = await databaseChecksum(w.h.db);
    for (const name of ["bomb.jsonl", "bomb.jsonl.gz", "bomb.csv"]) {
      const { payload, headers } = multipart(name, bomb);
      await expectRefused(await upload("prompts", payload, headers, "?format=jsonl"), before, name);
    }
    const { payload, headers } = multipart("bomb.jsonl", bomb);
    const encoded = await upload("prompts", payload, { ...headers, "content-encoding": "gzip" });
    await expectRefused(encoded, before, "content-encoding: gzip");
    const json = await w.h.app.inject({
      method: "POST",
      url: `/api/v1/projects/${w.projectId}/prompts`,
      headers: { ...bearer(w.researcher), "content-type": "application/json", "content-encoding": "gzip" },
      payload: gzipSync(Buffer.from(JSON.stringify({ prompts: Array(100_000).fill({ text: "x" }) }))),
    });
    await expectRefused(json, before, "JSON body with content-encoding: gzip");
  });

  it("a multipart body without a file part is a 400", async () => {
    const before = await databaseChecksum(w.h.db);
    const headers = { "content-type": `multipart/form-data; boundary=${BOUNDARY}` };
    const empty = await upload("completions", Buffer.from(`--${BOUNDARY}--\r\n`), headers);
    expect(empty.statusCode, empty.body).toBe(400);
    expect(await databaseChecksum(w.h.db)).toEqual(before);
  });
});
