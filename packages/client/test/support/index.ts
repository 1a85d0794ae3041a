// Helpers for tests that drive the CLI and the client against real processes; the repository's
// end-to-end tests reuse them.
export { answerEverything } from "./annotate";
export { ADMIN, type RunningApi, type StartApiOptions, startApi } from "./api-process";
export { CLI_BIN, type CliHome, type CliRun, type CliRunOptions, cliRun, createCliHome } from "./cli";
export {
  type HubCommit,
  type HubFake,
  type HubFile,
  type HubRepo,
  type HubRequest,
  startHubFake,
} from "./hub-fake";
export { type RunningStack, startStack } from "./stack";
