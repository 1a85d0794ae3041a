import { z } from "zod";

// Runs in the browser before the app. The page's CSP has no 'unsafe-eval', so zod must not
// compile parsers with `new Function`: without this it still probes for it once, and the
// browser reports that probe as a CSP violation even though zod catches the refusal.
z.config({ jitless: true });
