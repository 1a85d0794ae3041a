import { describe, expect, it } from "vitest";
import { negotiate, pickLocale } from "./locales";

describe("negotiate", () => {
  it("takes the best-rated shipped language, regional tags falling back to their language", () => {
    expect(negotiate("de-DE,de;q=0.9,en;q=0.8")).toBe("de");
    expect(negotiate("fr-FR,fr;q=0.9,es;q=0.5,en;q=0.4")).toBe("es");
    expect(negotiate("en;q=0.3, es-MX;q=0.7")).toBe("es");
    expect(negotiate("fr, it")).toBeNull();
    expect(negotiate("de;q=0, en")).toBe("en");
    expect(negotiate("")).toBeNull();
  });
});

describe("pickLocale", () => {
  it("prefers the user's setting, then the cookie, then the browser, then English", () => {
    expect(pickLocale({ setting: "es", cookie: "de", acceptLanguage: "de" })).toBe("es");
    expect(pickLocale({ setting: null, cookie: "de", acceptLanguage: "es" })).toBe("de");
    expect(pickLocale({ cookie: "xx", acceptLanguage: "es-ES" })).toBe("es");
    expect(pickLocale({ acceptLanguage: "ja" })).toBe("en");
    expect(pickLocale({})).toBe("en");
  });
});
