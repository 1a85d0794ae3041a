import { createInterface } from "node:readline";
import { Writable } from "node:stream";
import { usage } from "./cli-error";
import type { Io } from "./context";

/**
 * A secret from stdin, so that it stays out of the shell's history and the process list:
 * asked for without echo on a terminal, else the first line of what is piped in.
 */
export async function readSecret(io: Io, prompt: string): Promise<string> {
  let secret: string;
  if (io.stdin.isTTY) {
    io.stderr.write(prompt);
    // The terminal still sends keystrokes to readline, which would echo them through this.
    const muted = new Writable({ write: (_chunk, _enc, done) => done() });
    const rl = createInterface({ input: io.stdin, output: muted, terminal: true });
    secret = await new Promise<string>((resolve) => rl.question("", resolve));
    rl.close();
    io.stderr.write("\n");
  } else {
    let text = "";
    for await (const chunk of io.stdin) text += String(chunk);
    secret = text.split(/\r?\n/)[0] ?? "";
  }
  secret = secret.trim();
  if (!secret) throw usage(`${prompt.replace(/:\s*$/, "")}: nothing was given on stdin`);
  return secret;
}
