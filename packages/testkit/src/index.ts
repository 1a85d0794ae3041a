export { backdateAssignment } from "./assignments";
export {
  addSyntheticAnswers,
  DEFAULT_MODELS,
  seedBradleyTerryProject,
  type TBradleyTerryOptions,
  type TSyntheticModel,
  type TSyntheticProject,
} from "./bradley-terry";
export { createTestDatabase, ensureTemplateDatabase, type TestDatabase } from "./database";
export { startOtlpReceiver, type TReceivedSpan } from "./otlp-receiver";
export { percentile } from "./percentile";
export { freePort } from "./ports";
export {
  localBin,
  REPO_ROOT,
  runCommand,
  runProcess,
  spawnNode,
  spawnProcess,
  type TProcess,
  type TRunResult,
  type TSpawnOptions,
} from "./processes";
export { declaredSeries, parsePrometheus, sampleValue, type TSample } from "./prometheus";
export {
  clearRedisPrefix,
  createDedicatedRedis,
  startDedicatedRedis,
  type TDedicatedRedis,
  type TDedicatedRedisOptions,
} from "./redis";
export { startReverseProxy, type TReverseProxy, type TReverseProxyOptions } from "./reverse-proxy";
export { sleep, type TWatched, waitFor, waitForHttp } from "./wait";
