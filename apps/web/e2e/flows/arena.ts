import { gunzipSync } from "node:zlib";
import type { TExport, TProject } from "@arbiter/shared";
import { freePort, waitForHttp } from "@arbiter/testkit";
import type { BrowserContext, Page } from "playwright-core";
import { expectAccessible, focusWithoutRing } from "../support/a11y";
import { assert, newPage, screenshot, signIn, type Viewport } from "../support/browser";
import { startApp } from "../support/processes";
import { ApiClient } from "../support/seed";
import { startExportWorker } from "./exports";
import type { Flow, FlowContext } from "./types";

// Each answer streams for a few seconds: 45 pieces, one every 70 ms.
const TOKEN_LATENCY_MS = 70;
const MAX_TOKENS = 45;
const PARAMS = { max_tokens: MAX_TOKENS, temperature: 0.7, seed: 5 };
const GENERATORS = [
  { name: "Alpha 7B", model: "arbiter-small" },
  { name: "Beta 70B", model: "arbiter-large" },
];
// The project's quality rule calls answers under 3 s "too fast" and exports leave them out;
// an annotator reads the two answers for at least that long.
const READ_MS = 4_000;

type Message = { role: string; content: string };
type Side = "A" | "B";
type Turn = { prompt: string; vote: Side; texts: Record<Side, string>; partial: Record<Side, boolean> };

/** The model server and a worker for the arena queue only, under the run's Redis prefix. */
async function startArenaStack(ctx: FlowContext) {
  const model = startApp("arena-model-server", "apps/model-server/src/server.ts", {
    NODE_ENV: "test",
    MODEL_SERVER_HOST: "127.0.0.1",
    MODEL_SERVER_PORT: String(ctx.arenaModelServerPort),
    MODEL_SERVER_FAULT_TOKEN_LATENCY_MS: String(TOKEN_LATENCY_MS),
    LOG_LEVEL: "warn",
  });
  const healthPort = await freePort();
  const worker = startApp("arena-worker", "apps/worker/src/index.ts", {
    NODE_ENV: "test",
    DATABASE_URL: ctx.databaseUrl,
    REDIS_PREFIX: ctx.redisPrefix,
    WORKER_QUEUES: "arena",
    WORKER_HEALTH_HOST: "127.0.0.1",
    WORKER_HEALTH_PORT: String(healthPort),
    LOG_LEVEL: "warn",
    DB_POOL_SIZE: "4",
    GENERATOR_ALLOWED_HOSTS: `127.0.0.1:${ctx.arenaModelServerPort}`,
  });
  const url = `http://127.0.0.1:${ctx.arenaModelServerPort}/v1`;
  await waitForHttp(`${url}/models`, { process: model, timeoutMs: 120_000 });
  await waitForHttp(`http://127.0.0.1:${healthPort}/healthz`, { process: worker, timeoutMs: 120_000 });
  return {
    url,
    stop: async () => {
      await worker.stop();
      await model.stop();
    },
  };
}

/** An arena project on the seeded pool, owned by the researcher, with these generators. */
async function arenaProject(
  ctx: FlowContext,
  admin: ApiClient,
  name: string,
  modelUrl: string,
  generators: { name: string; model: string }[],
  arena: object = {},
): Promise<TProject> {
  const { project } = await admin.json<{ project: TProject }>("POST", "/projects", {
    name,
    mode: "arena",
    guidelines: "Write a question you care about, read both answers, and vote for the more helpful one.",
    poolIds: ctx.seeded.pairwise.poolIds,
    arena: { revealModels: true, ...arena },
  });
  await admin.json("POST", `/projects/${project.id}/members`, {
    email: ctx.seeded.emails.researcher,
    role: "OWNER",
  });
  for (const g of generators) {
    await admin.json("POST", `/projects/${project.id}/generators`, {
      ...g,
      baseUrl: modelUrl,
      params: PARAMS,
    });
  }
  return project;
}

/** What the model server answers to this conversation, asked directly (no stream). */
async function direct(modelUrl: string, model: string, messages: Message[]): Promise<string> {
  const res = await fetch(`${modelUrl}/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ model, messages, ...PARAMS }),
  });
  const body = (await res.json()) as { choices: { message: { content: string } }[] };
  return body.choices[0]!.message.content;
}

/** Text as the rendered markdown shows it: compared with whitespace runs made one space. */
const squash = (s: string) => s.replace(/\s+/g, " ").trim();

/**
 * Watches one turn's two answers arrive: samples each side's text until both are done, and
 * says whether a side was seen part-written (shorter than its end, while still streaming).
 */
async function watchTurn(
  page: Page,
  turn: number,
): Promise<{ texts: Record<Side, string>; partial: Record<Side, boolean> }> {
  const partial = { A: false, B: false };
  const lengths: Record<Side, Set<number>> = { A: new Set(), B: new Set() };
  const deadline = Date.now() + 60_000;
  for (;;) {
    // No named helpers inside: tsx would wrap them in a __name() the page does not have.
    const state = (await page.evaluate(
      (t) =>
        Object.fromEntries(
          ["A", "B"].map((side) => {
            const el = document.querySelector(`[data-testid="side-${side}"][data-turn="${t}"]`);
            const waiting = el?.querySelector('[data-testid="side-text"] [data-waiting]');
            return [
              side,
              {
                status: el?.getAttribute("data-status") ?? "missing",
                text: waiting ? "" : (el?.querySelector('[data-testid="side-text"]')?.textContent ?? ""),
              },
            ];
          }),
        ),
      turn,
    )) as Record<Side, { status: string; text: string }>;
    for (const side of ["A", "B"] as const) {
      const s = state[side];
      if (s.status === "streaming" && s.text.length > 0) lengths[side].add(s.text.length);
    }
    if (state.A.status === "failed" || state.B.status === "failed")
      throw new Error(`turn ${turn}: a side failed`);
    if (state.A.status === "done" && state.B.status === "done") {
      for (const side of ["A", "B"] as const) {
        // Text grew while streaming: more than one length seen, the first short of the end.
        partial[side] = lengths[side].size >= 2 && Math.min(...lengths[side]) < state[side].text.length;
      }
      const text = (side: Side) =>
        page
          .locator(`[data-testid="side-${side}"][data-turn="${turn}"] [data-testid="side-text"]`)
          // Rendered text, paragraphs apart, as the annotator reads it.
          // biome-ignore lint/performance/useDomNodeTextContent: textContent runs paragraphs together
          .innerText();
      return { texts: { A: await text("A"), B: await text("B") }, partial };
    }
    assert(Date.now() < deadline, `turn ${turn} finished within a minute`);
    await page.waitForTimeout(40);
  }
}

/** One annotator's two-turn battle, from the project list to the reveal. */
async function playBattle(
  ctx: FlowContext,
  page: Page,
  projectName: string,
  prompts: [string, string],
  votes: [Side, Side],
  shots: string,
): Promise<{ battleId: string; turns: Turn[]; models: Record<Side, string> }> {
  await page.goto(`${ctx.web}/annotate`);
  await page
    .locator('[data-testid="my-project"][data-mode="arena"]', { hasText: projectName })
    .getByRole("link", { name: /Open arena/ })
    .click();
  await page.waitForURL("**/arena/**");
  await page.getByTestId("composer").fill(prompts[0]);
  const turns: Turn[] = [];
  for (const [i, prompt] of prompts.entries()) {
    const turn = i + 1;
    const startedAt = Date.now();
    if (turn === 1) await page.getByRole("button", { name: "Start battle" }).click();
    else {
      await page.getByTestId("composer").fill(prompt);
      await page.keyboard.press("Control+Enter");
    }
    await page.locator(`[data-testid="side-A"][data-turn="${turn}"][data-status="streaming"]`).waitFor();
    assert((await page.getByTestId("vote-bar").count()) === 0, "no vote while the answers stream");
    if (turn === 1) {
      await page
        .locator(
          '[data-testid="side-B"][data-turn="1"][data-status="streaming"] [data-testid="side-text"] p:not([data-waiting])',
        )
        .first()
        .waitFor();
      await screenshot(page, `${shots}-streaming`);
    }
    const seen = await watchTurn(page, turn);
    await page.getByTestId("vote-bar").waitFor();
    await page.waitForTimeout(Math.max(0, READ_MS - (Date.now() - startedAt)));
    // The labeling page's keys: A / B choose, Enter sends.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    // The project asks how much better (the default): a digit after the choice.
    await page.keyboard.press(votes[i]!.toLowerCase());
    await page.keyboard.press(i === 0 ? "3" : "2");
    if (turn === 1) {
      await screenshot(page, `${shots}-vote`);
      await expectAccessible(page, `arena vote, ${shots}`);
    }
    await page.keyboard.press("Enter");
    await page.getByTestId("after-vote").waitFor();
    turns.push({ prompt, vote: votes[i]!, ...seen });
  }
  await screenshot(page, `${shots}-voted`);
  const firstWinner = page.locator(`[data-testid="side-${votes[0]}"][data-turn="1"]`);
  assert((await firstWinner.getAttribute("data-state")) === "chosen", "the first turn still shows its vote");
  await page.getByTestId("finish").click();
  await page.getByTestId("reveal").waitFor();
  await screenshot(page, `${shots}-reveal`);
  const models = {
    A: squash((await page.getByTestId("reveal-A").locator("dd").textContent()) ?? ""),
    B: squash((await page.getByTestId("reveal-B").locator("dd").textContent()) ?? ""),
  };
  const battleId = (await page.getByTestId("arena").getAttribute("data-battle"))!;
  return { battleId, turns, models };
}

/** The streamed texts are the model server's answers, each model seeing its own history. */
async function checkTexts(modelUrl: string, played: Awaited<ReturnType<typeof playBattle>>) {
  for (const side of ["A", "B"] as const) {
    const model = GENERATORS.find((g) => g.name === played.models[side])?.model;
    assert(model, `side ${side} revealed as one of the generators: ${played.models[side]}`);
    const history: Message[] = [];
    for (const turn of played.turns) {
      history.push({ role: "user", content: turn.prompt });
      const expected = await direct(modelUrl, model, history);
      assert(
        squash(turn.texts[side]) === squash(expected),
        `side ${side} shows the model server's answer:\n  shown    ${squash(turn.texts[side])}\n  expected ${squash(expected)}`,
      );
      assert(turn.partial[side], `side ${side} was seen part-written while it streamed`);
      history.push({ role: "assistant", content: expected });
    }
  }
}

/** The researcher's TRL export, through the API and the export worker: its rows, every file read. */
async function trlRows(
  ctx: FlowContext,
  projectId: string,
): Promise<{ prompt: Message[]; chosen: Message[]; rejected: Message[] }[]> {
  const researcher = await ApiClient.signIn(ctx.api, ctx.seeded.emails.researcher);
  const worker = await startExportWorker(ctx);
  try {
    const { export: started } = await researcher.json<{ export: TExport }>(
      "POST",
      `/projects/${projectId}/exports`,
      {
        format: "trl",
      },
    );
    let done = started;
    const deadline = Date.now() + 60_000;
    while (done.status !== "SUCCEEDED") {
      assert(
        done.status !== "FAILED" && Date.now() < deadline,
        `export finished: ${done.status} ${done.error ?? ""}`,
      );
      await new Promise((r) => setTimeout(r, 250));
      done = (await researcher.json<{ export: TExport }>("GET", `/exports/${started.id}`)).export;
    }
    const rows = [];
    // The rows' files; the export also holds its dataset card.
    for (const file of done.files.filter((f) => /\.jsonl(\.gz)?$/.test(f.name))) {
      const bytes = Buffer.from(
        await (await researcher.request("GET", `/exports/${done.id}/files/${file.name}`)).arrayBuffer(),
      );
      const text = (file.name.endsWith(".gz") ? gunzipSync(bytes) : bytes).toString("utf8");
      rows.push(
        ...text
          .split("\n")
          .filter(Boolean)
          .map((l) => JSON.parse(l)),
      );
    }
    return rows;
  } finally {
    await worker.stop();
  }
}

/** Both turns of a battle are rows; the second holds the whole conversation, the vote deciding the sides. */
function checkExported(
  rows: Awaited<ReturnType<typeof trlRows>>,
  played: Awaited<ReturnType<typeof playBattle>>,
) {
  const [one, two] = played.turns as [Turn, Turn];
  const mine = rows.filter((r) => r.prompt.length === 1 && r.prompt[0]!.content === one.prompt);
  assert(mine.length === 2, `two rows for the battle opened with "${one.prompt}", got ${mine.length}`);
  const second = mine.find((r) => r.chosen.length === 3);
  assert(second, "a row whose answers carry the earlier turn");
  const other = (s: Side): Side => (s === "A" ? "B" : "A");
  const expect = (winner: Side) => [
    { role: "assistant", content: one.texts[winner] },
    { role: "user", content: two.prompt },
    { role: "assistant", content: two.texts[winner] },
  ];
  const same = (got: Message[], want: Message[]) =>
    got.length === want.length &&
    got.every((m, i) => m.role === want[i]!.role && squash(m.content) === squash(want[i]!.content));
  assert(
    same(second.chosen, expect(two.vote)),
    `chosen is side ${two.vote}'s conversation: ${JSON.stringify(second.chosen)}`,
  );
  assert(
    same(second.rejected, expect(other(two.vote))),
    `rejected is the other side's: ${JSON.stringify(second.rejected)}`,
  );
  const first = mine.find((r) => r.chosen.length === 1)!;
  assert(
    squash(first.chosen[0]!.content) === squash(one.texts[one.vote]),
    "the first turn's row follows its own vote",
  );
}

/** A battle whose one side names a model the server does not have: that side fails, the other answers. */
async function failingSide(ctx: FlowContext, admin: ApiClient, modelUrl: string) {
  const project = await arenaProject(
    ctx,
    admin,
    "Arena with a broken model",
    modelUrl,
    [GENERATORS[0]!, { name: "Missing model", model: "no-such-model" }],
    { limits: { battlesPerHour: 1 } },
  );
  const cases: [Viewport, "light" | "dark"][] = [
    ["desktop", "dark"],
    ["phone", "light"],
  ];
  const { context, page } = await newPage(ctx.browser, ...cases[0]!);
  try {
    await signIn(page, ctx.web, ctx.seeded.emails.polyglot);
    await page.goto(`${ctx.web}/arena/${project.id}`);
    await page.getByTestId("composer").fill("Tell me about lighthouses.");
    await page.getByRole("button", { name: "Start battle" }).click();
    await page.getByTestId("side-error").waitFor({ timeout: 30_000 });
    await page.getByRole("heading", { name: "This battle cannot be judged" }).waitFor();
    assert((await page.getByTestId("vote-bar").count()) === 0, "no vote on a battle whose side failed");
    await page
      .locator(
        '[data-testid="side-A"][data-status="streaming"], [data-testid="side-B"][data-status="streaming"]',
      )
      .waitFor({ state: "detached", timeout: 30_000 });
    await screenshot(page, "arena-failed-desktop-dark");
    await expectAccessible(page, "arena failed side, desktop dark");
    const battleId = (await page.getByTestId("arena").getAttribute("data-battle"))!;
    // A new battle: the hourly limit of one is spent, so the page says when to try again.
    await page.getByRole("button", { name: "New battle" }).first().click();
    await page.getByTestId("composer").fill("And about harbours?");
    await page.getByRole("button", { name: "Start battle" }).click();
    const problem = page.getByTestId("arena-problem");
    await problem.waitFor();
    assert((await problem.getAttribute("data-code")) === "rate_limited", "the limit is named");
    const retry = (await page.getByTestId("retry-after").textContent()) ?? "";
    assert(/Try again in \d+ minutes/.test(retry), `the page says when to try again: ${retry}`);
    assert(
      await page.getByRole("button", { name: "Start battle" }).isDisabled(),
      "Start waits for Retry-After",
    );
    await screenshot(page, "arena-rate-limited-desktop-dark");
    // The failed battle at phone width, from its address.
    const phone = await newPage(ctx.browser, ...cases[1]!);
    await signIn(phone.page, ctx.web, ctx.seeded.emails.polyglot);
    await phone.page.goto(`${ctx.web}/arena/${project.id}?battle=${battleId}`);
    await phone.page.getByTestId("side-error").waitFor();
    await screenshot(phone.page, "arena-failed-phone-light");
    await phone.context.close();
  } finally {
    await context.close();
  }
}

/**
 * A reload mid-stream: the page finds the battle from its address and its EventSource starts
 * the battle's events again from the first, so each answer is rebuilt whole, nothing lost or
 * repeated. (A dropped connection resumes with Last-Event-ID inside the browser itself; the
 * API's tests cover that header.)
 */
async function resumeAfterDrop(ctx: FlowContext, projectId: string, modelUrl: string) {
  const { context, page } = await newPage(ctx.browser, "desktop", "light");
  try {
    let streams = 0;
    page.on("request", (req) => {
      if (req.url().includes("/events")) streams++;
    });
    await signIn(page, ctx.web, ctx.seeded.emails.annotator);
    await page.goto(`${ctx.web}/arena/${projectId}`);
    // A prompt the project's moderation patterns catch is refused at the message field.
    await page.getByTestId("composer").fill("Tell me about a forbidden topic.");
    await page.getByRole("button", { name: "Start battle" }).click();
    await page.locator('[data-testid="composer"][aria-invalid="true"]').waitFor();
    await page.getByText("This prompt is not allowed in this project").waitFor();
    await screenshot(page, "arena-moderation-desktop-light");
    const prompt = "What makes the moon glow?";
    await page.getByTestId("composer").fill(prompt);
    await page.getByRole("button", { name: "Start battle" }).click();
    await page
      .locator(
        '[data-testid="side-A"][data-status="streaming"] [data-testid="side-text"] p:not([data-waiting])',
      )
      .first()
      .waitFor();
    await page.reload();
    assert(page.url().includes("battle="), "the battle is in the address");
    const seen = await watchTurn(page, 1);
    assert(streams === 2, `one event stream before the reload and one after, got ${streams}`);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press("t");
    await page.keyboard.press("Enter");
    await page.getByTestId("finish").click();
    await page.getByTestId("reveal").waitFor();
    for (const side of ["A", "B"] as const) {
      const name = squash((await page.getByTestId(`reveal-${side}`).locator("dd").textContent()) ?? "");
      const model = GENERATORS.find((g) => g.name === name)!.model;
      const expected = await direct(modelUrl, model, [{ role: "user", content: prompt }]);
      assert(
        squash(seen.texts[side]) === squash(expected),
        `side ${side} after the reload: ${seen.texts[side]}`,
      );
    }
  } finally {
    await context.close();
  }
}

async function noSideScroll(page: Page, where: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert(overflow <= 0, `no horizontal scrolling on ${where} (${overflow}px)`);
}

export const arenaFlow: Flow = {
  name: "arena: two annotators at once play two-turn battles that stream, vote by key, see the reveal; the TRL export holds the history; a reload mid-stream rebuilds the answers; moderation, a failed side and a rate limit; desktop and phone, light and dark",
  async run(ctx) {
    const stack = await startArenaStack(ctx);
    const contexts: BrowserContext[] = [];
    try {
      const admin = await ApiClient.signIn(ctx.api, ctx.admin.email, ctx.admin.password);
      const project = await arenaProject(ctx, admin, "Live arena", stack.url, GENERATORS, {
        moderation: { patterns: ["forbidden topic"] },
      });

      // Two annotators, each in a browser context of their own, their battles streaming at once.
      const players = [
        {
          email: ctx.seeded.emails.annotator,
          viewport: "desktop",
          scheme: "light",
          prompts: ["Why is the sea salty?", "And why is a lake not?"],
          votes: ["A", "B"],
        },
        {
          email: ctx.seeded.emails.phone,
          viewport: "phone",
          scheme: "dark",
          prompts: ["How do bees find flowers?", "Do they remember them?"],
          votes: ["B", "A"],
        },
      ] as const;
      const pages: Page[] = [];
      for (const p of players) {
        const { context, page } = await newPage(ctx.browser, p.viewport, p.scheme);
        contexts.push(context);
        await signIn(page, ctx.web, p.email);
        pages.push(page);
      }
      const played = await Promise.all(
        players.map((p, i) =>
          playBattle(
            ctx,
            pages[i]!,
            project.name,
            [...p.prompts],
            [...p.votes],
            `arena-${p.viewport}-${p.scheme}`,
          ),
        ),
      );
      for (const [i, page] of pages.entries()) await noSideScroll(page, `arena ${players[i]!.viewport}`);
      for (const p of played) await checkTexts(stack.url, p);

      // The other two looks, at a finished battle opened from its address.
      for (const [viewport, scheme] of [
        ["desktop", "dark"],
        ["phone", "light"],
      ] as const) {
        const { context, page } = await newPage(ctx.browser, viewport, scheme);
        contexts.push(context);
        await signIn(page, ctx.web, players[0].email);
        await page.goto(`${ctx.web}/annotate`);
        await page.locator('[data-testid="my-project"][data-mode="arena"]').first().waitFor();
        await screenshot(page, `arena-list-${viewport}-${scheme}`);
        // The labeling address of an arena project leads to the arena.
        await page.goto(`${ctx.web}/annotate/${project.id}`);
        await page.waitForURL(`**/arena/${project.id}`);
        await page.getByTestId("composer").waitFor();
        await noSideScroll(page, `arena start ${viewport}`);
        await screenshot(page, `arena-start-${viewport}-${scheme}`);
        await expectAccessible(page, `arena start, ${viewport} ${scheme}`);
        await page.goto(`${ctx.web}/arena/${project.id}?battle=${played[0]!.battleId}`);
        await page.getByTestId("reveal").waitFor();
        await noSideScroll(page, `arena reveal ${viewport}`);
        await screenshot(page, `arena-reveal-${viewport}-${scheme}`);
        await expectAccessible(page, `arena reveal, ${viewport} ${scheme}`);
        if (viewport === "desktop") {
          const missing = await focusWithoutRing(page);
          assert(!missing.length, `arena: focus not visible on ${missing.join(", ")}`);
        }
      }

      const rows = await trlRows(ctx, project.id);
      for (const p of played) checkExported(rows, p);

      // The researcher sees the battles and the tokens they used on the project page.
      const { context: rc, page: researcher } = await newPage(ctx.browser, "desktop", "light");
      contexts.push(rc);
      await signIn(researcher, ctx.web, ctx.seeded.emails.researcher);
      await researcher.goto(`${ctx.web}/projects/${project.id}`);
      const usage = researcher.getByTestId("arena-usage");
      await usage.waitFor();
      const usageText = (await usage.textContent()) ?? "";
      assert(
        /Battles\s*2(?!\d)/.test(usageText) && /Tokens used\s*[1-9]/.test(usageText),
        `usage shown: ${usageText}`,
      );
      await screenshot(researcher, "arena-project-desktop-light");
      await expectAccessible(researcher, "arena project page, desktop light");

      await resumeAfterDrop(ctx, project.id, stack.url);
      await failingSide(ctx, admin, stack.url);
    } finally {
      for (const c of contexts) await c.close().catch(() => {});
      await stack.stop();
    }
  },
};
