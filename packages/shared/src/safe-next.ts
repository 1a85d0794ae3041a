// A backslash or a control character in a path is where URL parsers disagree: browsers
// read "/\evil.example" as "//evil.example" and drop tabs and newlines, so "/\t/evil.example"
// leaves the site too; servers that normalise such paths may redirect there themselves.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it looks for
const UNSAFE = /[\\\u0000-\u001f\u007f]/;

/**
 * Where to go after sign-in: `next` if it is a path on this origin, else undefined (the
 * caller's default). It is resolved against the page's origin the way the browser will
 * resolve it, must stay on that origin, and its path must hold no backslash or control
 * character, whether written plainly or percent-encoded.
 */
export function safeNext(next: string | undefined, origin: string): string | undefined {
  if (!next || UNSAFE.test(next)) return undefined;
  let url: URL;
  try {
    url = new URL(next, origin);
  } catch {
    return undefined;
  }
  if (url.origin !== new URL(origin).origin) return undefined;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return undefined;
  }
  if (UNSAFE.test(path) || path.startsWith("//")) return undefined;
  return `${url.pathname}${url.search}${url.hash}`;
}
