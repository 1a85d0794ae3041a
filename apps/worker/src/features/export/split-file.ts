import { createHash } from "node:crypto";
import { once } from "node:events";
import { createWriteStream, type WriteStream } from "node:fs";
import { open } from "node:fs/promises";
import { createGzip, type Gzip } from "node:zlib";
import type { TExportFile } from "@arbiter/shared";

// Lines are encoded straight into a buffer of this size, which goes to the stream when
// full: one write per line would cost more than building the lines, and joining lines
// into one string before encoding was the slowest step of the whole export.
const CHUNK_BYTES = 1024 * 1024;

/**
 * One split's JSONL file, optionally gzipped, hashed as it is written. Gzip output is a
 * function of the bytes alone (no name or time in the header, see zlib), so the same
 * lines give the same file.
 */
export class SplitFile {
  private readonly out: WriteStream;
  private readonly gzip: Gzip | null;
  private readonly hash = createHash("sha256");
  private bytes = 0;
  private rows = 0;
  private chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  private used = 0;

  constructor(
    private readonly path: string,
    readonly name: string,
    readonly split: string,
    compress: boolean,
  ) {
    this.out = createWriteStream(path);
    this.gzip = compress ? createGzip({ level: 6 }) : null;
    if (this.gzip) {
      this.gzip.on("data", (chunk: Buffer) => this.count(chunk));
      this.gzip.pipe(this.out);
      // A failing file (disk full) must fail the writer too, not leave it waiting for drain.
      this.out.on("error", (err) => this.gzip?.destroy(err));
    }
  }

  private count(chunk: Buffer) {
    this.hash.update(chunk);
    this.bytes += chunk.length;
  }

  async writeLines(lines: string[]): Promise<void> {
    for (const line of lines) {
      // A UTF-16 code unit never takes more than 3 bytes in UTF-8.
      if (this.used + line.length * 3 + 1 > CHUNK_BYTES) {
        await this.flush();
        if (line.length * 3 + 1 > CHUNK_BYTES) {
          await this.send(Buffer.from(`${line}\n`));
          continue;
        }
      }
      this.used += this.chunk.write(line, this.used);
      this.chunk[this.used++] = 0x0a;
    }
    this.rows += lines.length;
  }

  private async flush(): Promise<void> {
    if (this.used === 0) return;
    const full = this.chunk.subarray(0, this.used);
    // The stream keeps the buffer until written, so the next lines go to a fresh one.
    this.chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    this.used = 0;
    await this.send(full);
  }

  private async send(bytes: Buffer): Promise<void> {
    if (this.gzip) {
      if (!this.gzip.write(bytes)) await once(this.gzip, "drain");
    } else {
      this.count(bytes);
      if (!this.out.write(bytes)) await once(this.out, "drain");
    }
  }

  /** Flushes, syncs to disk and describes the finished file. */
  async close(): Promise<TExportFile> {
    await this.flush();
    const finished = once(this.out, "finish");
    if (this.gzip) this.gzip.end();
    else this.out.end();
    await finished;
    await syncFile(this.path);
    return {
      name: this.name,
      split: this.split,
      rows: this.rows,
      bytes: this.bytes,
      sha256: this.hash.digest("hex"),
    };
  }

  /** Stops writing after a failure; the caller removes the folder. */
  destroy(): void {
    this.gzip?.destroy();
    this.out.destroy();
  }
}

export async function syncFile(path: string): Promise<void> {
  const handle = await open(path, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
