import { z } from "zod";
import { DEFAULT_MODELS } from "./app";
import { FAULT_FIELDS, NO_FAULTS, parseFaults, type TFaults } from "./faults/config";

const ZModelServerEnv = z.object({
  MODEL_SERVER_HOST: z.string().min(1).default("127.0.0.1"),
  MODEL_SERVER_PORT: z.coerce.number().int().min(0).max(65535).default(8000),
  MODEL_SERVER_MODELS: z
    .string()
    .default(DEFAULT_MODELS.join(","))
    .transform((s) =>
      s
        .split(",")
        .map((m) => m.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string()).min(1, "list at least one model name")),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type TModelServerEnv = z.infer<typeof ZModelServerEnv> & { faults: TFaults };

/** Parses the environment, or explains which variable is wrong. */
export function parseModelServerEnv(env: Record<string, string | undefined>): TModelServerEnv {
  const problems: string[] = [];
  const parsed = ZModelServerEnv.safeParse(env);
  if (!parsed.success)
    problems.push(...parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`));
  const input = Object.fromEntries(
    FAULT_FIELDS.filter((f) => env[f.env] !== undefined && env[f.env] !== "").map((f) => [f.key, env[f.env]]),
  );
  const faults = parseFaults(input, NO_FAULTS, (key) => FAULT_FIELDS.find((f) => f.key === key)!.env);
  if ("problem" in faults) problems.push(`  ${faults.problem.field}: ${faults.problem.message}`);
  if (!parsed.success || "problem" in faults) throw new Error(`Invalid environment:\n${problems.join("\n")}`);
  return { ...parsed.data, faults: faults.faults };
}
