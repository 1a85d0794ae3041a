// Postgres cannot store U+0000 in text or jsonb, and jsonb refuses an unpaired surrogate
// escape: either one would otherwise fail deep in a query as a 500. JSON allows both, so
// they are refused at the door, with the path of the field that carries them.
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is what this refuses.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const MESSAGE = "must not contain NUL characters or unpaired UTF-16 surrogates";
// Deeper values overflow the stack of the JSON serialisers between here and Postgres (a
// 500); no field of ours needs more than a few levels, and metadata gets plenty.
const MAX_DEPTH = 32;

function isPlain(value: unknown): value is Record<string, unknown> | unknown[] {
  if (value === null || typeof value !== "object") return false;
  const proto = Object.getPrototypeOf(value);
  return Array.isArray(value) || proto === Object.prototype || proto === null;
}

/** The first field of a parsed JSON body that cannot be stored; iterative, as bodies may nest deeply. */
export function findUnstorable(body: unknown, root = "body"): { path: string; message: string } | null {
  const stack: [unknown, string, number][] = [[body, root, 0]];
  while (stack.length) {
    const [value, path, depth] = stack.pop()!;
    if (typeof value === "string") {
      if (UNSTORABLE.test(value)) return { path, message: MESSAGE };
    } else if (isPlain(value)) {
      if (depth > MAX_DEPTH) return { path, message: `must not nest deeper than ${MAX_DEPTH} levels` };
      for (const [key, inner] of Object.entries(value)) {
        if (UNSTORABLE.test(key))
          return { path: `${path}.${key.replace(UNSTORABLE, "?")}`, message: MESSAGE };
        stack.push([inner, `${path}.${key}`, depth + 1]);
      }
    }
  }
  return null;
}
