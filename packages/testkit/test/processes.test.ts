import { createServer } from "node:http";
import { describe, expect, it } from "vitest";
import { freePort, runCommand, runProcess, spawnProcess, waitFor, waitForHttp } from "../src";

const node = (script: string, opts: Parameters<typeof spawnProcess>[2] = {}) =>
  spawnProcess(process.execPath, ["-e", script], opts);

describe("freePort", () => {
  it("gives a port that can be listened on", async () => {
    const port = await freePort();
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
    server.close();
  });
});

describe("spawnProcess", () => {
  it("captures stdout and stderr and reports the exit code", async () => {
    const proc = node("console.log('to stdout'); console.error('to stderr'); process.exit(3)");
    expect(await proc.exited).toBe(3);
    expect(proc.output()).toContain("to stdout");
    expect(proc.output()).toContain("to stderr");
    expect(proc.stdout()).toBe("to stdout\n");
    expect(proc.stderr()).toBe("to stderr\n");
  });

  it("writes `stdin` to the process's standard input and closes it", async () => {
    const proc = node(
      "let s = ''; process.stdin.on('data', (d) => (s += d)).on('end', () => console.log(s.toUpperCase()))",
      {
        stdin: "a secret\n",
      },
    );
    expect(await proc.exited).toBe(0);
    expect(proc.stdout()).toBe("A SECRET\n\n");
  });

  it("keeps only the tail when asked to", async () => {
    const proc = node("process.stdout.write('a'.repeat(5000) + 'END')", { keepChars: 100 });
    await proc.exited;
    expect(proc.output()).toHaveLength(100);
    expect(proc.output().endsWith("END")).toBe(true);
  });

  it("stop() ends a process that ignores SIGTERM with SIGKILL after the grace period", async () => {
    const proc = node(
      "process.on('SIGTERM', () => console.log('ignored')); console.log('up'); setInterval(() => {}, 1000)",
    );
    await waitFor(() => proc.output().includes("up"), { what: "the process to start", process: proc });
    expect(await proc.stop(300)).toBeNull();
    expect(proc.child.signalCode).toBe("SIGKILL");
    expect(proc.output()).toContain("ignored");
  });

  it("kill() in a process group reaches the grandchildren too", async () => {
    const grandchild = `require('node:child_process').spawn(process.execPath, ['-e', 'console.log(process.pid); setInterval(() => {}, 1000)'], { stdio: 'inherit' }); setInterval(() => {}, 1000)`;
    const proc = node(grandchild, { group: true });
    await waitFor(() => /\d+/.test(proc.output()), { what: "the grandchild's pid", process: proc });
    const pid = Number(proc.output().trim());
    await proc.kill("SIGTERM");
    await waitFor(
      () => {
        try {
          process.kill(pid, 0);
          return false;
        } catch {
          return true;
        }
      },
      { what: `grandchild ${pid} to be gone`, timeoutMs: 5_000 },
    );
  });

  it("reports a command that does not exist in its output instead of throwing", async () => {
    const proc = spawnProcess("/nonexistent/arbiter-command", []);
    expect(await proc.exited).toBeNull();
    expect(proc.output()).toContain("ENOENT");
  });
});

describe("runProcess", () => {
  it("resolves with the status and both streams, even when the command fails", async () => {
    const run = await runProcess(process.execPath, [
      "-e",
      "console.log('out'); console.error('err'); process.exit(4)",
    ]);
    expect(run).toMatchObject({ status: 4, stdout: "out\n", stderr: "err\n" });
  });

  it("kills a command that outlives its timeout", async () => {
    const run = await runProcess(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { timeoutMs: 300 });
    expect(run.status).toBeNull();
  });
});

describe("runCommand", () => {
  it("resolves with the output, or rejects with it", async () => {
    expect(await runCommand(process.execPath, ["-e", "console.log('fine')"])).toContain("fine");
    await expect(
      runCommand(process.execPath, ["-e", "console.error('broken'); process.exit(2)"]),
    ).rejects.toThrow(/failed \(2\):\nbroken/);
  });
});

describe("waitForHttp", () => {
  it("waits for a server that comes up late", async () => {
    const port = await freePort();
    const proc = node(
      `setTimeout(() => require('node:http').createServer((q, s) => s.end('ok')).listen(${port}, '127.0.0.1'), 300)`,
    );
    try {
      await waitForHttp(`http://127.0.0.1:${port}/`, { process: proc, timeoutMs: 10_000 });
    } finally {
      await proc.stop();
    }
  });

  it("fails at once with the output when the process dies first", async () => {
    const port = await freePort();
    const proc = node("console.error('cannot start: bad config'); process.exit(1)", { name: "doomed" });
    const started = Date.now();
    await expect(
      waitForHttp(`http://127.0.0.1:${port}/`, { process: proc, timeoutMs: 30_000 }),
    ).rejects.toThrow(/process doomed exited[\s\S]*cannot start: bad config/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("fails after the timeout, saying what it waited for", async () => {
    const port = await freePort();
    await expect(waitForHttp(`http://127.0.0.1:${port}/healthz`, { timeoutMs: 300 })).rejects.toThrow(
      `gave up waiting for http://127.0.0.1:${port}/healthz to answer after 300 ms`,
    );
  });

  it("accepts only what `accept` allows", async () => {
    const port = await freePort();
    let status = 503;
    const server = createServer((_, res) => {
      res.statusCode = status;
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
    try {
      setTimeout(() => {
        status = 200;
      }, 300);
      await waitForHttp(`http://127.0.0.1:${port}/readyz`, { accept: (s) => s === 200, timeoutMs: 10_000 });
      expect(status).toBe(200);
    } finally {
      server.close();
    }
  });
});
