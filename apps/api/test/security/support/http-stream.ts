import http from "node:http";

export type StreamResult = { status: number; body: string; written: number };

/**
 * POSTs a body that would be `total` bytes long, chunk by chunk with backpressure, and stops
 * as soon as the server answers. `written` is what the server let in before refusing
 * (plus what the sockets' kernel buffers held): far less than `total` means it stopped reading.
 */
export function streamBody(opts: {
  port: number;
  path: string;
  headers: Record<string, string>;
  total: number;
  head?: string;
  chunk: Buffer;
}): Promise<StreamResult> {
  return new Promise((resolve) => {
    const req = http.request({
      host: "127.0.0.1",
      port: opts.port,
      path: opts.path,
      method: "POST",
      headers: opts.headers,
    });
    let written = 0;
    let answered = false;
    req.on("response", (res) => {
      answered = true;
      let body = "";
      res.on("data", (d) => {
        body += d;
      });
      res.on("end", () => {
        // The rest of the body will never be sent; the server must not wait for it.
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body, written });
      });
    });
    req.on("error", (err) => {
      if (!answered) resolve({ status: -1, body: String(err), written });
    });
    if (opts.head) req.write(opts.head);
    const pump = () => {
      while (!answered && written < opts.total) {
        written += opts.chunk.length;
        if (!req.write(opts.chunk)) {
          req.once("drain", pump);
          return;
        }
      }
      if (!answered) req.end();
    };
    pump();
  });
}

export const BOUNDARY = "----arbiter-security-boundary";

export function multipartHead(filename: string): string {
  return (
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
    "Content-Type: application/octet-stream\r\n\r\n"
  );
}

/** A whole multipart upload of one file, for app.inject. */
export function multipart(filename: string, content: string | Buffer) {
  const payload = Buffer.concat([
    Buffer.from(multipartHead(filename)),
    Buffer.isBuffer(content) ? content : Buffer.from(content),
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]);
  return { payload, headers: { "content-type": `multipart/form-data; boundary=${BOUNDARY}` } };
}
