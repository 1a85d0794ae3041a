import { createHash, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

// A stand-in for the Hugging Face Hub speaking the endpoints @huggingface/hub (2.x) calls to
// create a dataset repository and commit regular and LFS files, read from the library's source
// (src/lib/repo-exists.ts, create-repo.ts, commit.ts):
//   GET  /api/datasets/{ns}/{name}                         repoExists
//   POST /api/repos/create                                 createRepo {name, organization, type, visibility}
//   POST /api/datasets/{ns}/{name}/preupload/{rev}         which files go through LFS
//   POST /datasets/{ns}/{name}.git/info/lfs/objects/batch  LFS batch: where to PUT each object
//   PUT  <href the batch answered>                         the object's bytes
//   POST /api/datasets/{ns}/{name}/commit/{rev}            NDJSON: header, file (base64), lfsFile (oid)
// The batch answers the "basic" transfer, so the library does not use Xet.

export type HubRequest = { method: string; path: string; authorization: string | undefined };
export type HubFile = { path: string; content: Buffer; lfs: boolean };
export type HubCommit = { oid: string; summary: string; description?: string; files: HubFile[] };
export type HubRepo = {
  id: string;
  name: string;
  type: string;
  visibility: string | undefined;
  commits: HubCommit[];
};

export type HubFake = {
  url: string;
  /** Every request, in order, with its Authorization header. */
  requests: HubRequest[];
  /** Repositories created, by full name (`owner/name`). */
  repos: Map<string, HubRepo>;
  /** Requests to anything the fake does not implement: the library called an endpoint not listed above. */
  unknown: HubRequest[];
  stop: () => Promise<void>;
};

/** Files the Hub stores through LFS by default (its .gitattributes), besides anything over 10 MB. */
const LFS_NAMES = /\.(gz|parquet|arrow|zip|bin)$/;
const LFS_SIZE = 10 * 1024 * 1024;

export async function startHubFake(options: { token?: string } = {}): Promise<HubFake> {
  const requests: HubRequest[] = [];
  const unknown: HubRequest[] = [];
  const repos = new Map<string, HubRepo>();
  const objects = new Map<string, Buffer>();
  let base = "";

  const send = (res: ServerResponse, status: number, body: unknown, type = "application/json") => {
    res.writeHead(status, { "content-type": type });
    res.end(JSON.stringify(body));
  };
  const read = async (req: IncomingMessage) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  };

  type Route = [
    method: string,
    pattern: RegExp,
    reply: (m: string[], body: Buffer, res: ServerResponse) => void,
  ];
  const REPO = "([^/]+/[^/]+)";
  const routes: Route[] = [
    [
      "POST",
      /^\/api\/repos\/create$/,
      (_m, body, res) => {
        const payload = JSON.parse(body.toString()) as {
          name: string;
          organization: string;
          type: string;
          visibility?: string;
        };
        const name = `${payload.organization}/${payload.name}`;
        if (repos.has(name)) return send(res, 409, { error: "You already created this dataset repo" });
        const id = randomBytes(12).toString("hex");
        repos.set(name, { id, name, type: payload.type, visibility: payload.visibility, commits: [] });
        send(res, 200, { url: `${base}/datasets/${name}`, name, id });
      },
    ],
    [
      "GET",
      new RegExp(`^/api/datasets/${REPO}$`),
      ([, name], _body, res) => {
        const repo = repos.get(name!);
        if (!repo) return send(res, 404, { error: "Repository not found" });
        send(res, 200, { id: name, private: repo.visibility !== "public" });
      },
    ],
    [
      "POST",
      new RegExp(`^/api/datasets/${REPO}/preupload/([^/]+)$`),
      ([, name], body, res) => {
        if (!repos.has(name!)) return send(res, 404, { error: "Repository not found" });
        const { files } = JSON.parse(body.toString()) as { files: { path: string; size: number }[] };
        send(res, 200, {
          files: files.map((f) => ({
            path: f.path,
            uploadMode: LFS_NAMES.test(f.path) || f.size > LFS_SIZE ? "lfs" : "regular",
          })),
        });
      },
    ],
    [
      "POST",
      new RegExp(`^/datasets/${REPO}\\.git/info/lfs/objects/batch$`),
      ([, name], body, res) => {
        if (!repos.has(name!)) return send(res, 404, { message: "Repository not found" });
        const batch = JSON.parse(body.toString()) as { objects: { oid: string; size: number }[] };
        const answer = batch.objects.map((o) => ({
          oid: o.oid,
          size: o.size,
          authenticated: true,
          ...(objects.has(o.oid) ? {} : { actions: { upload: { href: `${base}/lfs-upload/${o.oid}` } } }),
        }));
        send(res, 200, { transfer: "basic", objects: answer }, "application/vnd.git-lfs+json");
      },
    ],
    [
      "POST",
      new RegExp(`^/api/datasets/${REPO}/commit/([^/]+)$`),
      ([, name], body, res) => {
        const repo = repos.get(name!);
        if (!repo) return send(res, 404, { error: "Repository not found" });
        const lines = body
          .toString()
          .split("\n")
          .filter(Boolean)
          .map((l) => JSON.parse(l) as { key: string; value: Record<string, string> });
        const header = lines.find((l) => l.key === "header")?.value ?? {};
        const files: HubFile[] = [];
        for (const { key, value } of lines) {
          if (key === "file")
            files.push({ path: value.path!, content: Buffer.from(value.content!, "base64"), lfs: false });
          else if (key === "lfsFile") {
            const content = objects.get(value.oid!);
            if (!content) return send(res, 400, { error: `LFS object ${value.oid} was never uploaded` });
            files.push({ path: value.path!, content, lfs: true });
          }
        }
        const oid = randomBytes(20).toString("hex");
        repo.commits.push({ oid, summary: header.summary ?? "", description: header.description, files });
        send(res, 200, {
          success: true,
          commitOid: oid,
          commitUrl: `${base}/datasets/${repo.name}/commit/${oid}`,
          hookOutput: "",
        });
      },
    ],
  ];

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const path = decodeURIComponent(new URL(req.url ?? "/", base).pathname);
    const entry = { method: req.method ?? "", path, authorization: req.headers.authorization };
    requests.push(entry);
    const body = await read(req);

    // Uploads go to the storage URL the batch handed out (presigned on the real Hub): no token.
    const upload = /^\/lfs-upload\/([0-9a-f]{64})$/.exec(path);
    if (req.method === "PUT" && upload) {
      const sha = createHash("sha256").update(body).digest("hex");
      if (sha !== upload[1]) return send(res, 400, { error: `object is ${sha}, not ${upload[1]}` });
      objects.set(sha, body);
      res.writeHead(200, { etag: `"${sha}"` });
      return res.end();
    }
    if (options.token && req.headers.authorization !== `Bearer ${options.token}`)
      return send(res, 401, { error: "Invalid credentials in Authorization header" });
    for (const [method, pattern, reply] of routes) {
      const match = req.method === method ? pattern.exec(path) : null;
      if (match) return reply([...match], body, res);
    }
    unknown.push(entry);
    send(res, 404, { error: `the Hub fake does not implement ${req.method} ${path}` });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: Error) => send(res, 500, { error: err.message }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    requests,
    repos,
    unknown,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
