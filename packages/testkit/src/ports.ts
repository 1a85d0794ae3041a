import { type AddressInfo, createServer } from "node:net";

/**
 * A loopback port nobody listens on right now. Another process may take it before the
 * caller binds it; tests accept that small race rather than hard-code ports that clash
 * when suites run side by side.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
