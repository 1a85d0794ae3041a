import { runCli } from "./program";

// The only file that touches `process`. A reader that stops early (`arbiter … --json | head`)
// closes the pipe: that ends the command quietly rather than with a stack trace.
process.stdout.on("error", (err: NodeJS.ErrnoException) => {
  if (err.code !== "EPIPE") throw err;
  process.exit(0);
});

// The exit code is set, not forced, so that output still on its way to a pipe is flushed.
process.exitCode = await runCli(process.argv.slice(2), {
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
});
