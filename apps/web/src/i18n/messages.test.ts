import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { LOCALES } from "./locales";

type Catalogue = { [key: string]: string | Catalogue };
const dir = path.resolve(import.meta.dirname, "../../messages");
const load = (locale: string) =>
  JSON.parse(readFileSync(path.join(dir, `${locale}.json`), "utf8")) as Catalogue;

function flatten(catalogue: Catalogue, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    if (typeof value === "string") out.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

type Element = {
  type: number;
  value?: string;
  options?: Record<string, { value: Element[] }>;
  children?: Element[];
};

/** The names a message expects (arguments, plurals, selects, rich-text tags), sorted. */
function argumentsOf(message: string, locale: string): string[] {
  const names = new Set<string>();
  const walk = (elements: Element[]) => {
    for (const el of elements) {
      if (el.value && el.type !== 0 && el.type !== 7) names.add(el.value);
      if (el.options) for (const option of Object.values(el.options)) walk(option.value);
      if (el.children) walk(el.children);
    }
  };
  walk(new IntlMessageFormat(message, locale).getAst() as Element[]);
  return [...names].sort();
}

const english = flatten(load("en"));

describe("message catalogues", () => {
  it("ships a file for each supported locale and no other", () => {
    const files = readdirSync(dir).map((f) => f.replace(/\.json$/, ""));
    expect(files.sort()).toEqual([...LOCALES].sort());
  });

  for (const locale of LOCALES) {
    it(`${locale}: exactly the keys English has, none empty, each valid ICU with English's arguments`, () => {
      const messages = flatten(load(locale));
      expect([...messages.keys()].sort()).toEqual([...english.keys()].sort());
      for (const [key, text] of messages) {
        expect(text.trim(), `${locale}:${key} is empty`).not.toBe("");
        expect(argumentsOf(text, locale), `${locale}:${key}`).toEqual(argumentsOf(english.get(key)!, "en"));
      }
    });
  }
});
