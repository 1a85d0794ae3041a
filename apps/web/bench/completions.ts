/**
 * Deterministic stand-ins for model answers: a few hundred words of the markdown models
 * write (headings, paragraphs with bold and inline code, lists, a fenced code block with a
 * language, sometimes a table), different for every item so each one renders afresh.
 */
const WORDS = (
  "the request returns a list of items sorted by score so each caller sees the newest " +
  "results first while the cache keeps older pages warm and a background job refreshes " +
  "them when the index changes which avoids a full scan on every query and keeps latency " +
  "predictable under load because the database only touches rows that moved since the " +
  "last run the model weighs recent evidence more heavily than old evidence and explains " +
  "its reasoning step by step before it gives an answer"
).split(" ");

const CODE = [
  "```python\ndef top_k(scores, k=5):\n    \"\"\"Return the k best items, best first.\"\"\"\n    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)\n    return [name for name, _ in ranked[:k]]\n\nprint(top_k({'a': 0.2, 'b': 0.9, 'c': 0.5}, k=2))\n```",
  '```ts\nexport async function fetchPage(cursor?: string): Promise<Page> {\n  const res = await fetch("/items?cursor=" + (cursor ?? ""));\n  if (!res.ok) throw new Error("HTTP " + res.status);\n  return (await res.json()) as Page;\n}\n```',
  '```bash\nset -euo pipefail\nfor f in data/*.jsonl; do\n  wc -l "$f"\ndone | sort -n | tail -3\n```',
];

function seeded(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

function sentence(rand: () => number, words: number): string {
  const picked = Array.from({ length: words }, () => WORDS[Math.floor(rand() * WORDS.length)]!);
  const k = Math.floor(rand() * (words - 2));
  picked[k] = `**${picked[k]}**`;
  picked[k + 2] = `\`${picked[k + 2]}\``;
  const text = picked.join(" ");
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

function paragraph(rand: () => number): string {
  return Array.from({ length: 4 + Math.floor(rand() * 3) }, () =>
    sentence(rand, 10 + Math.floor(rand() * 8)),
  ).join(" ");
}

/** About 300–400 words of markdown for item `item`, answer `option`. */
export function completion(item: number, option: number): string {
  const rand = seeded(item * 7919 + option * 104_729 + 1);
  const parts = [
    `### Answer ${option === 0 ? "A" : "B"} to question ${item + 1}`,
    paragraph(rand),
    Array.from({ length: 4 }, () => `- ${sentence(rand, 8)}`).join("\n"),
    paragraph(rand),
    CODE[(item + option) % CODE.length]!,
    paragraph(rand),
  ];
  if ((item + option) % 3 === 0)
    parts.push(
      "| approach | cost | latency |\n| --- | --- | --- |\n| full scan | high | 120 ms |\n| index | low | 4 ms |",
    );
  parts.push(`1. ${sentence(rand, 9)}\n2. ${sentence(rand, 9)}\n3. ${sentence(rand, 9)}`);
  return parts.join("\n\n");
}

export function prompt(item: number): string {
  const rand = seeded(item + 17);
  return `Question ${item + 1}: ${sentence(rand, 14)} How would you do this, and why?`;
}
