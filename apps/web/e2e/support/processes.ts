import { localBin, REPO_ROOT, spawnProcess, type TProcess } from "@arbiter/testkit";

/**
 * One app of the stack under tsx, in a process group of its own (tsx runs the app as a
 * child); the tail of its output is kept for the report of a failing flow.
 */
export function startApp(name: string, entry: string, env: NodeJS.ProcessEnv): TProcess {
  return spawnProcess(localBin("tsx"), [entry], {
    name,
    cwd: REPO_ROOT,
    env,
    group: true,
    keepChars: 20_000,
  });
}
