import { GENERATOR_KEY_ENV_PATTERN, type TCreateGeneratorBody, type TGenerator } from "@arbiter/shared";

/** The generator form as typed: every field a string, so half-typed numbers stay on screen. */
export type GeneratorForm = {
  name: string;
  baseUrl: string;
  model: string;
  mode: "chat" | "completion";
  temperature: string;
  topP: string;
  maxTokens: string;
  /** One stop sequence per line: stops may contain commas. */
  stop: string;
  seed: string;
  /** Any other sampling parameters, passed through to the server as given. */
  extra: string;
  /** A new key to store; empty leaves the stored one (if any) as it is. Never filled from the API. */
  apiKey: string;
  apiKeyEnv: string;
  concurrency: string;
  requestsPerMinute: string;
};

export type FormErrors = Partial<Record<keyof GeneratorForm, string>>;

const KNOWN = ["temperature", "top_p", "max_tokens", "stop", "seed"] as const;

export const EMPTY_FORM: GeneratorForm = {
  name: "",
  baseUrl: "http://127.0.0.1:8000/v1",
  model: "",
  mode: "chat",
  temperature: "0.7",
  topP: "",
  maxTokens: "256",
  stop: "",
  seed: "",
  extra: "",
  apiKey: "",
  apiKeyEnv: "",
  concurrency: "4",
  requestsPerMinute: "",
};

const text = (v: unknown) => (v === undefined || v === null ? "" : String(v));

export function formFromGenerator(g: TGenerator): GeneratorForm {
  const { temperature, top_p, max_tokens, stop, seed, ...rest } = g.params;
  return {
    name: g.name,
    baseUrl: g.baseUrl,
    model: g.model,
    mode: g.mode,
    temperature: text(temperature),
    topP: text(top_p),
    maxTokens: text(max_tokens),
    stop: Array.isArray(stop) ? stop.join("\n") : text(stop),
    seed: text(seed),
    extra: Object.keys(rest).length ? JSON.stringify(rest, null, 2) : "",
    apiKey: "",
    apiKeyEnv: g.apiKeyEnv ?? "",
    concurrency: String(g.concurrency),
    requestsPerMinute: text(g.requestsPerMinute),
  };
}

function numberField(
  raw: string,
  key: keyof GeneratorForm,
  errors: FormErrors,
  opts: { int?: boolean; min?: number; max?: number } = {},
): number | undefined {
  const trimmed = raw.trim();
  if (!trimmed) return undefined;
  const value = Number(trimmed);
  if (!Number.isFinite(value)) errors[key] = "must be a number";
  else if (opts.int && !Number.isInteger(value)) errors[key] = "must be a whole number";
  else if (opts.min !== undefined && value < opts.min) errors[key] = `must be at least ${opts.min}`;
  else if (opts.max !== undefined && value > opts.max) errors[key] = `must be at most ${opts.max}`;
  return value;
}

/**
 * The request body for the form, or the fields that are wrong. The API checks everything
 * again; this only catches what can be told before a round trip (and the extra JSON).
 */
export function bodyFromForm(
  form: GeneratorForm,
): { ok: true; body: TCreateGeneratorBody } | { ok: false; errors: FormErrors } {
  const errors: FormErrors = {};
  if (!form.name.trim()) errors.name = "give the generator a name";
  if (!form.model.trim()) errors.model = "name the model the server serves";
  try {
    const url = new URL(form.baseUrl.trim());
    if (url.protocol !== "http:" && url.protocol !== "https:") errors.baseUrl = "must start with http(s)://";
  } catch {
    errors.baseUrl = "must be a URL such as http://127.0.0.1:8000/v1";
  }
  let extra: Record<string, unknown> = {};
  if (form.extra.trim()) {
    try {
      const parsed: unknown = JSON.parse(form.extra);
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
        errors.extra = 'must be a JSON object, e.g. {"top_k": 40}';
      else extra = parsed as Record<string, unknown>;
    } catch (err) {
      errors.extra = `is not valid JSON (${(err as Error).message})`;
    }
    const clash = KNOWN.find((k) => k in extra);
    if (clash) errors.extra = `set ${clash} in its own field above`;
  }
  const stops = form.stop
    .split("\n")
    .map((s) => s.replace(/\\n/g, "\n"))
    .filter((s) => s.length > 0);
  const params: Record<string, unknown> = {
    ...extra,
    temperature: numberField(form.temperature, "temperature", errors, { min: 0, max: 100 }),
    top_p: numberField(form.topP, "topP", errors, { min: 0, max: 1 }),
    max_tokens: numberField(form.maxTokens, "maxTokens", errors, { int: true, min: 1 }),
    stop: stops.length === 0 ? undefined : stops.length === 1 ? stops[0] : stops,
    seed: numberField(form.seed, "seed", errors, { int: true, min: 0 }),
  };
  for (const key of KNOWN) if (params[key] === undefined) delete params[key];
  const apiKeyEnv = form.apiKeyEnv.trim();
  if (apiKeyEnv && !GENERATOR_KEY_ENV_PATTERN.test(apiKeyEnv))
    errors.apiKeyEnv = "a variable your operator set on the worker, named ARBITER_GENERATOR_KEY_...";
  const apiKey = form.apiKey.trim();
  if (apiKey && !/^[\x21-\x7e]+$/.test(apiKey)) errors.apiKey = "printable characters, without spaces";
  const concurrency = numberField(form.concurrency, "concurrency", errors, { int: true, min: 1, max: 1000 });
  const rpm = numberField(form.requestsPerMinute, "requestsPerMinute", errors, { int: true, min: 1 });
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    body: {
      name: form.name.trim(),
      baseUrl: form.baseUrl.trim(),
      model: form.model.trim(),
      mode: form.mode,
      params,
      ...(apiKey ? { apiKey } : {}),
      apiKeyEnv: apiKeyEnv || null,
      concurrency: concurrency ?? 4,
      requestsPerMinute: rpm ?? null,
    },
  };
}

const API_FIELDS: Record<string, keyof GeneratorForm> = {
  name: "name",
  baseUrl: "baseUrl",
  model: "model",
  mode: "mode",
  apiKey: "apiKey",
  apiKeyEnv: "apiKeyEnv",
  concurrency: "concurrency",
  requestsPerMinute: "requestsPerMinute",
  "params.temperature": "temperature",
  "params.top_p": "topP",
  "params.max_tokens": "maxTokens",
  "params.stop": "stop",
  "params.seed": "seed",
  params: "extra",
};

/** Puts the API's 400 details ({ path: "body.params.top_p", message }) on the fields they name. */
export function errorsFromApi(details: unknown): FormErrors {
  const errors: FormErrors = {};
  if (!Array.isArray(details)) return errors;
  for (const d of details as { path?: string; message?: string }[]) {
    const path = (d.path ?? "").replace(/^body\.?/, "");
    const key =
      API_FIELDS[path] ??
      API_FIELDS[path.split(".").slice(0, 2).join(".")] ??
      API_FIELDS[path.split(".")[0]!];
    if (key && !errors[key]) errors[key] = d.message ?? "is not valid";
  }
  return errors;
}
