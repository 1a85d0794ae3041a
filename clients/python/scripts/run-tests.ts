// `npm test -w @arbiter/python-client`: starts the stack (scripts/stack.ts), then runs every
// Python test module (the API tests and the ones needing no server) with `python3 -m unittest`,
// and fails when Python fails or skips anything: in this run every test must have what it needs.
import path from "node:path";
import { spawnProcess } from "@arbiter/testkit";
import { startStack } from "./stack";

const clientDir = path.resolve(import.meta.dirname, "..");
// Another interpreter (e.g. the oldest supported, 3.9) with PYTHON=/path/to/python3.9.
const python = process.env.PYTHON ?? "python3";

const stack = await startStack();
let failure: string | null = null;
try {
  const run = spawnProcess(python, ["-m", "unittest", "discover", "-s", "tests", "-v"], {
    name: "python",
    cwd: clientDir,
    echo: true,
    env: {
      PYTHONPATH: path.join(clientDir, "src"),
      PYTHONDONTWRITEBYTECODE: "1",
      PYTHONUNBUFFERED: "1",
      ARBITER_TEST_URL: stack.apiUrl,
      ARBITER_TEST_API_KEY: stack.apiKey,
      ARBITER_TEST_MODEL_SERVER_URL: stack.modelServerUrl,
      ARBITER_TEST_DATABASE_URL: stack.databaseUrl,
    },
  });
  const status = await run.exited;
  const skipped = /skipped=\d+/.exec(run.stderr());
  // null: it never ran (no such interpreter) or a signal ended it; the reason is in its output.
  if (status === null) failure = `${python} did not run to the end: ${run.output().trim()}`;
  else if (status !== 0) failure = `${python} -m unittest exited with ${status}`;
  else if (skipped) failure = `Python skipped tests (${skipped[0]}); in this run none may be`;
} finally {
  if (failure)
    for (const p of stack.processes) console.error(`\n--- last output of ${p.name} ---\n${p.output()}`);
  await stack.stop();
}
if (failure) {
  console.error(`\n${failure}`);
  process.exit(1);
}
