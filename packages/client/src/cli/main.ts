import { runCli } from "./program";

// The only file that touches `process`: the exit code is set, not forced, so that output still
// being written to a pipe is flushed before Node exits.
process.exitCode = await runCli(process.argv.slice(2), {
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
});
