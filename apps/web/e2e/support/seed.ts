import type { TProject } from "@arbiter/shared";

export const PASSWORD = "e2e-password-123";

export const XSS_PAYLOAD = [
  "Here is a picture: <img src=x onerror=\"window.__xss='img'\">",
  "",
  "<script>window.__xss='script'; alert('xss')</script>",
  "",
  "[click me](javascript:window.__xss='link') and <a href=\"javascript:alert(1)\">raw link</a>",
  "",
  "```html\n<script>alert(1)</script>\n```",
].join("\n");

/** Talks to the API directly as a same-origin caller, the way the browser does through the proxy. */
export class ApiClient {
  constructor(
    readonly base: string,
    private cookie = "",
  ) {}

  static async signIn(base: string, email: string, password = PASSWORD): Promise<ApiClient> {
    const client = new ApiClient(base);
    const res = await client.request("POST", "/auth/login", { email, password });
    client.cookie = String(res.headers.get("set-cookie")).split(";")[0]!;
    return client;
  }

  async request(method: string, path: string, body?: unknown): Promise<Response> {
    const res = await fetch(`${this.base}/api/v1${path}`, {
      method,
      headers: {
        origin: this.base,
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res;
  }

  async json<T>(method: string, path: string, body?: unknown): Promise<T> {
    return (await (await this.request(method, path, body)).json()) as T;
  }
}

export type Seeded = {
  pairwise: TProject;
  xss: TProject;
  ranking: TProject;
  emails: { admin: string; researcher: string; annotator: string; phone: string; polyglot: string };
};

const PAIRWISE_PROMPTS = [
  "How do I reverse a list in Python without changing the original?",
  "Explain what a reward model is in one paragraph.",
  "Write a haiku about autumn rain.",
  "What is the difference between TCP and UDP?",
  "Summarise Romeo and Juliet in two sentences.",
];

export async function addItems(
  api: ApiClient,
  projectId: string,
  prompts: string[],
  answers: (i: number) => string[],
) {
  const created = await api.json<{ prompts: { id: string }[] }>("POST", `/projects/${projectId}/prompts`, {
    prompts: prompts.map((text) => ({ text })),
  });
  await api.json("POST", `/projects/${projectId}/items`, {
    items: created.prompts.map((p, i) => ({
      promptId: p.id,
      completions: answers(i).map((text, k) => ({ text, model: `model-${k}` })),
    })),
  });
}

/** Users, a pool and three projects (pairwise, one XSS item, ranking of four), all through the API. */
export async function seed(admin: ApiClient): Promise<Seeded> {
  const emails = {
    admin: "",
    researcher: "researcher@e2e.test",
    annotator: "annotator@e2e.test",
    phone: "phone@e2e.test",
    polyglot: "polyglot@e2e.test",
  };
  const users: string[] = [];
  let researcherId = "";
  for (const [email, role, name] of [
    [emails.researcher, "RESEARCHER", "Rita Researcher"],
    [emails.annotator, "ANNOTATOR", "Ann Annotator"],
    [emails.phone, "ANNOTATOR", "Pat Phone"],
    [emails.polyglot, "ANNOTATOR", "Paula Polyglot"],
  ] as const) {
    const { user } = await admin.json<{ user: { id: string } }>("POST", "/users", {
      email,
      role,
      name,
      password: PASSWORD,
    });
    if (role === "ANNOTATOR") users.push(user.id);
    if (role === "RESEARCHER") researcherId = user.id;
  }
  const { pool } = await admin.json<{ pool: { id: string } }>("POST", "/pools", { name: "E2E annotators" });
  await admin.json("POST", `/pools/${pool.id}/members`, { userIds: users });
  // The researcher may attach this pool to projects of their own, as a lab's admin would allow.
  await admin.json("PUT", `/pools/${pool.id}/attachers`, { userIds: [researcherId] });
  // The admin sets the projects up and makes the researcher their owner, as a lab would.
  const project = async (body: object) => {
    const { project } = await admin.json<{ project: TProject }>("POST", "/projects", {
      poolIds: [pool.id],
      ...body,
    });
    await admin.json("POST", `/projects/${project.id}/members`, { email: emails.researcher, role: "OWNER" });
    return project;
  };

  const pairwise = await project({
    name: "Helpfulness",
    guidelines: "## Pick the more helpful answer\n\nPrefer answers that are **correct** and **safe**.",
    judgmentsPerItem: 2,
    questions: {
      strength: true,
      allowTie: true,
      allowBothBad: true,
      rationale: "optional",
      flags: ["unsafe"],
    },
  });
  await addItems(admin, pairwise.id, PAIRWISE_PROMPTS, (i) => [
    `Answer one to prompt ${i + 1}.\n\n\`\`\`python\nitems = [1, 2, 3]\nprint(items[::-1])\n\`\`\``,
    `Answer two to prompt ${i + 1}, with a list:\n\n- first point\n- second point`,
  ]);
  const xss = await project({ name: "Untrusted output", judgmentsPerItem: 1 });
  await addItems(admin, xss.id, ["Show me some HTML."], () => [XSS_PAYLOAD, "A plain, harmless answer."]);
  const ranking = await project({
    name: "Ranking of four",
    taskType: "ranking",
    optionsPerItem: 4,
    judgmentsPerItem: 1,
    guidelines: "Rank the four answers from best to worst.",
  });
  await addItems(admin, ranking.id, ["Name a colour.", "Name a fruit."], (i) =>
    ["first", "second", "third", "fourth"].map((w) => `The ${w} answer to question ${i + 1}.`),
  );
  return { pairwise, xss, ranking, emails };
}
