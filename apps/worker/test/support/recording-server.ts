import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type TRecordedRequest = { method: string; url: string; headers: IncomingHttpHeaders; body: string };

export type TRecordingServer = {
  /** Base URL for a generator, ending in /v1. */
  url: string;
  /** host:port, as GENERATOR_ALLOWED_HOSTS takes it. */
  host: string;
  /** Every request received, headers as they arrived. */
  requests: TRecordedRequest[];
  close: () => Promise<void>;
};

type TAnswer = (req: TRecordedRequest, res: ServerResponse) => void;

/** An OpenAI-compatible answer to a chat or completion request, for servers that only record. */
export const answerLikeAModel: TAnswer = (req, res) => {
  const chat = req.url.endsWith("/chat/completions");
  const choice = chat
    ? { index: 0, message: { role: "assistant", content: "Reachable." }, finish_reason: "stop" }
    : { index: 0, text: "Reachable.", finish_reason: "stop" };
  res.writeHead(200, { "content-type": "application/json" });
  res.end(
    JSON.stringify({
      id: "rec-1",
      object: chat ? "chat.completion" : "text_completion",
      created: 0,
      model: "recorded",
      choices: [choice],
      usage: { prompt_tokens: 3, completion_tokens: 1, total_tokens: 4 },
    }),
  );
};

/**
 * A plain HTTP listener on loopback (not the model-server stand-in) that keeps every request's
 * headers, so a test can look for anything that should not have been sent.
 */
export async function startRecordingServer(answer: TAnswer = answerLikeAModel): Promise<TRecordingServer> {
  const requests: TRecordedRequest[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const recorded = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      requests.push(recorded);
      answer(recorded, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    host: `127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
