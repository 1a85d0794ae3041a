import { parseModelServerEnv } from "./env";
import { startModelServer } from "./index";

let config: ReturnType<typeof parseModelServerEnv>;
try {
  config = parseModelServerEnv(process.env);
} catch (err) {
  console.error(`arbiter model-server: ${(err as Error).message}`);
  process.exit(1);
}

const server = await startModelServer({
  host: config.MODEL_SERVER_HOST,
  port: config.MODEL_SERVER_PORT,
  models: config.MODEL_SERVER_MODELS,
  faults: config.faults,
  logLevel: config.LOG_LEVEL,
});

const injected = Object.entries(config.faults).filter(
  ([key, value]) => key !== "garbageMode" && key !== "retryAfterSeconds" && value !== 0,
);
// Printed whatever LOG_LEVEL says: nobody should mistake this for a model.
console.log(
  `arbiter model-server: development STAND-IN, NOT A LANGUAGE MODEL (replies are sampled from public-domain text). ` +
    `OpenAI-compatible API at ${server.url} serving ${server.models.join(", ")}` +
    (injected.length ? `; injecting faults ${JSON.stringify(Object.fromEntries(injected))}` : ""),
);

let closing = false;
async function shutdown() {
  if (closing) return;
  closing = true;
  await server.close();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown());
process.on("SIGINT", () => void shutdown());
