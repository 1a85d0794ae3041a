import { baseUrlProblem, type TEgressPolicy, type TResolver } from "@arbiter/jobs";
import { z } from "zod";
import { createEgressFetch } from "../../inference/egress-fetch";

const ZModerationAnswer = z.object({ results: z.array(z.object({ flagged: z.boolean() })).min(1) });

export type ModerationClient = {
  /** True when the endpoint flags the text; throws when it cannot be asked or answers nonsense. */
  flags: (endpointUrl: string, text: string) => Promise<boolean>;
  close: () => Promise<void>;
};

/**
 * Asks a project's OpenAI-compatible moderation endpoint (POST {input} -> {results: [{flagged}]})
 * before a prompt reaches the models. It is an egress like a generator's base URL: the same
 * address rules (GENERATOR_ALLOWED_HOSTS, GENERATOR_DENY_PRIVATE), checked on every connection.
 */
export function createModerationClient(options: {
  egress: TEgressPolicy;
  timeoutMs: number;
  resolve?: TResolver;
}): ModerationClient {
  const egressFetch = createEgressFetch({
    policy: options.egress,
    ...(options.resolve ? { resolve: options.resolve } : {}),
  });
  return {
    async flags(endpointUrl, text) {
      const problem = baseUrlProblem(endpointUrl, options.egress);
      if (problem) throw new Error(`the moderation endpoint ${problem}`);
      const res = await egressFetch(endpointUrl, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify({ input: text }),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      if (!res.ok) throw new Error(`the moderation endpoint answered HTTP ${res.status}`);
      const parsed = ZModerationAnswer.safeParse(await res.json().catch(() => null));
      if (!parsed.success) throw new Error("the moderation endpoint's answer could not be read");
      return parsed.data.results.some((r) => r.flagged);
    },
    close: () => egressFetch.close(),
  };
}
