export {
  type Arbiter,
  type ArbiterClient,
  type ArbiterOptions,
  type ArbiterPaths,
  createArbiter,
} from "./create-arbiter";
export { ArbiterError, unwrap } from "./errors";
export type { PagedPath, PagedRow } from "./paginate";
export type { RetryOptions } from "./retry";
export type { components, operations, paths } from "./schema";
export type { Export, GenerationRun, WaitOptions } from "./wait";
