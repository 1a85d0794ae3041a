import { config } from "zod/v4/core";

// Runs in the browser before the app. The page's CSP has no 'unsafe-eval', so zod must not
// compile parsers with `new Function`: without this it still probes for it once, and the
// browser reports that probe as a CSP violation even though zod catches the refusal.
// `config` from zod's core, not `z` from "zod": the setting is global either way
// (globalThis.__zod_globalConfig), and `z` would put all of zod into every page's first
// load, pages that parse nothing with it included.
config({ jitless: true });
