import {
  ZHhRow,
  ZOpenAiDpoRow,
  ZRankedRow,
  ZRawRow,
  ZTrlConversationalRow,
  ZTrlTextRow,
} from "@arbiter/shared";
import { describe, expect, it } from "vitest";
import { itemA, itemB, itemC, runExport } from "./fixtures";

const jsonl = (...rows: unknown[]) => rows.map((r) => JSON.stringify(r)).join("\n");
const conversation = [
  { role: "system", content: "Be brief." },
  { role: "user", content: "Capital of France?" },
];
const said = (content: string) => [{ role: "assistant", content }];

describe("pair formats, per judgment", () => {
  it("trl: plain strings for a text prompt, the conversational form for a conversation", () => {
    const out = runExport([itemA, itemB], { format: "trl" });
    expect(out.text()).toBe(
      [
        '{"prompt":"What is 2+2?","chosen":"4","rejected":"5"}',
        '{"prompt":"What is 2+2?","chosen":"4","rejected":"5"}',
        `{"prompt":${JSON.stringify(conversation)},"chosen":[{"role":"assistant","content":"Lyon"}],"rejected":[{"role":"assistant","content":"Paris"}]}`,
        `{"prompt":${JSON.stringify(conversation)},"chosen":[{"role":"assistant","content":"Paris"}],"rejected":[{"role":"assistant","content":"Lyon"}]}`,
      ].join("\n"),
    );
    const [a, , b] = out.splits.train!.map((l) => JSON.parse(l));
    expect(ZTrlTextRow.safeParse(a).success).toBe(true);
    expect(ZTrlConversationalRow.safeParse(a).success).toBe(false);
    expect(ZTrlConversationalRow.safeParse(b).success).toBe(true);
    expect(ZTrlTextRow.safeParse(b).success).toBe(false);
  });

  it("hh: full transcripts sharing the prompt, the system message folded into the first Human turn", () => {
    const out = runExport([itemA, itemB], { format: "hh" });
    expect(out.text()).toBe(
      jsonl(
        {
          chosen: "\n\nHuman: What is 2+2?\n\nAssistant: 4",
          rejected: "\n\nHuman: What is 2+2?\n\nAssistant: 5",
        },
        {
          chosen: "\n\nHuman: What is 2+2?\n\nAssistant: 4",
          rejected: "\n\nHuman: What is 2+2?\n\nAssistant: 5",
        },
        {
          chosen: "\n\nHuman: Be brief.\n\nCapital of France?\n\nAssistant: Lyon",
          rejected: "\n\nHuman: Be brief.\n\nCapital of France?\n\nAssistant: Paris",
        },
        {
          chosen: "\n\nHuman: Be brief.\n\nCapital of France?\n\nAssistant: Paris",
          rejected: "\n\nHuman: Be brief.\n\nCapital of France?\n\nAssistant: Lyon",
        },
      ),
    );
    for (const line of out.splits.train!) expect(ZHhRow.parse(JSON.parse(line))).toBeTruthy();
  });

  it("hh: multi-turn prompts alternate Human and Assistant", () => {
    const item = {
      ...itemB,
      prompt: {
        messages: [
          { role: "user" as const, content: "Hi" },
          { role: "assistant" as const, content: "Hello!" },
          { role: "user" as const, content: "Capital of France?" },
        ],
      },
    };
    const out = runExport([item], { format: "hh" });
    expect(JSON.parse(out.splits.train![0]!).chosen).toBe(
      "\n\nHuman: Hi\n\nAssistant: Hello!\n\nHuman: Capital of France?\n\nAssistant: Lyon",
    );
  });

  it("openai-dpo: input messages, preferred and non-preferred assistant outputs", () => {
    const out = runExport([itemA, itemB], { format: "openai-dpo" });
    expect(out.splits.train![0]).toBe(
      '{"input":{"messages":[{"role":"user","content":"What is 2+2?"}]},"preferred_output":[{"role":"assistant","content":"4"}],"non_preferred_output":[{"role":"assistant","content":"5"}]}',
    );
    expect(JSON.parse(out.splits.train![2]!)).toEqual({
      input: { messages: conversation },
      preferred_output: said("Lyon"),
      non_preferred_output: said("Paris"),
    });
    for (const line of out.splits.train!) expect(ZOpenAiDpoRow.parse(JSON.parse(line))).toBeTruthy();
  });

  it("extras: margin from strength, group_id from the prompt, metadata, in that order after the row", () => {
    const out = runExport([itemA], {
      format: "trl",
      include: { margin: true, groupId: true, metadata: true },
    });
    expect(out.text()).toBe(
      [
        '{"prompt":"What is 2+2?","chosen":"4","rejected":"5","margin":1,"group_id":"hash-a","metadata":{"item_id":"item-a","models":["m1","m2"],"agreement":0.6667,"judgments":3}}',
        '{"prompt":"What is 2+2?","chosen":"4","rejected":"5","margin":0.3333,"group_id":"hash-a","metadata":{"item_id":"item-a","models":["m1","m2"],"agreement":0.6667,"judgments":3}}',
      ].join("\n"),
    );
    for (const line of out.splits.train!) expect(ZTrlTextRow.parse(JSON.parse(line))).toBeTruthy();
  });
});

describe("K-wise to pairs", () => {
  const pairsOfC = (pairs: "all" | "adjacent" | "best-vs-rest", aggregation = "per-judgment") =>
    runExport([itemC], { format: "trl", pairs, aggregation: aggregation as "majority" }).splits.train!.map(
      (l) => {
        const row = JSON.parse(l);
        return `${row.chosen}>${row.rejected}`;
      },
    );

  it("all: every completion against each one in a worse group; tied ones never pair", () => {
    expect(pairsOfC("all")).toEqual(["X>Y", "X>Z", "Y>Z", "Y>X", "Y>Z", "X>Z", "X>Y", "Z>Y"]);
  });
  it("adjacent: each group against the next", () => {
    expect(pairsOfC("adjacent")).toEqual(["X>Y", "Y>Z", "Y>X", "Y>Z", "X>Z", "Z>Y"]);
  });
  it("best-vs-rest: the best group against all others", () => {
    expect(pairsOfC("best-vs-rest")).toEqual(["X>Y", "X>Z", "Y>X", "Y>Z", "X>Z", "X>Y"]);
  });
  it("majority ranks by Borda count, margins scaled from the score difference", () => {
    expect(pairsOfC("all", "majority")).toEqual(["X>Y", "X>Z", "Y>Z"]);
    const out = runExport([itemC], { format: "trl", aggregation: "majority", include: { margin: true } });
    expect(out.splits.train!.map((l) => JSON.parse(l).margin)).toEqual([0.25, 0.5, 0.25]);
  });
  it("per-judgment K-wise margins are the group distance over the ranking's span", () => {
    const out = runExport([itemC], { format: "trl", pairs: "all", include: { margin: true } });
    expect(out.splits.train!.map((l) => JSON.parse(l).margin)).toEqual([0.5, 1, 0.5, 1, 1, 0.5, 1, 0.5]);
  });
});

describe("majority", () => {
  it("keeps an item whose answer has more than half the votes, drops one without a majority", () => {
    const out = runExport([itemA, itemB, itemC], {
      format: "trl",
      aggregation: "majority",
      include: { margin: true, metadata: true },
    });
    expect(out.splits.train!.slice(0, 1)).toEqual([
      '{"prompt":"What is 2+2?","chosen":"4","rejected":"5","margin":0.6667,"metadata":{"item_id":"item-a","models":["m1","m2"],"agreement":0.6667,"judgments":3}}',
    ]);
    expect(out.splits.train).toHaveLength(4);
    expect(out.counts.excluded.noMajority).toBe(3);
    expect(out.counts.used).toBe(6);
  });
});

describe("ranked and raw", () => {
  it("ranked: completions in upload order, ranking as groups of indices", () => {
    const out = runExport([itemC], { format: "ranked" });
    expect(out.text()).toBe(
      [
        '{"prompt":"Rank","completions":["X","Y","Z"],"ranking":[[0],[1],[2]]}',
        '{"prompt":"Rank","completions":["X","Y","Z"],"ranking":[[1],[0,2]]}',
        '{"prompt":"Rank","completions":["X","Y","Z"],"ranking":[[0],[2],[1]]}',
      ].join("\n"),
    );
    const majority = runExport([itemA, itemC], {
      format: "ranked",
      aggregation: "majority",
      dropTies: false,
    });
    expect(majority.text()).toBe(
      [
        '{"prompt":"What is 2+2?","completions":["4","5"],"ranking":[[0],[1]]}',
        '{"prompt":"Rank","completions":["X","Y","Z"],"ranking":[[0],[1],[2]]}',
      ].join("\n"),
    );
    for (const line of majority.splits.train!) expect(ZRankedRow.parse(JSON.parse(line))).toBeTruthy();
  });

  it("ranked keeps ties and both-bad as one group when asked", () => {
    const out = runExport([itemA, itemB], { format: "ranked", dropTies: false, dropBothBad: false });
    const rankings = out.splits.train!.map((l) => JSON.stringify(JSON.parse(l).ranking));
    expect(rankings).toEqual(["[[0],[1]]", "[[0],[1]]", "[[0,1]]", "[[1],[0]]", "[[0,1]]", "[[0],[1]]"]);
  });

  it("raw: one line per judgment with shown order, answer and a pseudonymous annotator", () => {
    const item = {
      ...itemA,
      judgments: [
        { ...itemA.judgments[1]!, aspects: { A: { helpful: 2 }, B: { helpful: 5 } }, rationale: "exact" },
      ],
    };
    const [line] = runExport([item], { format: "raw" }).splits.train!;
    const row = ZRawRow.parse(JSON.parse(line!));
    expect(row).toMatchObject({
      judgment_id: "j2",
      item_id: "item-a",
      prompt: "What is 2+2?",
      shown_order: [1, 0],
      choice: "B",
      strength: 2,
      ranking: [[0], [1]],
      rationale: "exact",
    });
    expect(row.options.map((o) => [o.text, o.model, o.aspects])).toEqual([
      ["4", "m1", { helpful: 5 }],
      ["5", "m2", { helpful: 2 }],
    ]);
    expect(line).not.toContain("user-j2");
    expect(row.annotator).toMatch(/^a_[0-9a-f]{16}$/);
  });
});
