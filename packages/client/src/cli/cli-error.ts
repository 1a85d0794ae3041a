import { ArbiterError } from "../errors";
import { EXIT, type ExitCode } from "./exit-codes";

/** A failure the CLI reports and exits with: what went wrong, in words and as a code. */
export class CliError extends Error {
  override readonly name = "CliError";
  constructor(
    readonly exitCode: ExitCode,
    message: string,
    /** Machine-readable, for --json: the API's error code, or the CLI's own. */
    readonly code: string = "cli_error",
    /** Lines printed under the message: failing fields, refused lines, mismatching files. */
    readonly details: string[] = [],
  ) {
    super(message);
  }
}

export const usage = (message: string, details: string[] = []) =>
  new CliError(EXIT.USAGE, message, "usage", details);

/** The exit code an API answer's status means. */
function exitForStatus(status: number): ExitCode {
  if (status === 400 || status === 413) return EXIT.USAGE;
  if (status === 401 || status === 403) return EXIT.AUTH;
  if (status === 404) return EXIT.NOT_FOUND;
  return EXIT.UNEXPECTED;
}

/** Any error thrown by a command, as a CliError: API errors keep their code and failing fields. */
export function toCliError(err: unknown): CliError {
  if (err instanceof CliError) return err;
  if (err instanceof ArbiterError) {
    const fields = Array.isArray(err.details)
      ? err.details.map((d: { path?: unknown; message?: unknown }) =>
          d && typeof d === "object" && "path" in d
            ? `${String(d.path)}: ${String(d.message)}`
            : JSON.stringify(d),
        )
      : [];
    return new CliError(exitForStatus(err.status), `${err.code}: ${err.message}`, err.code, fields);
  }
  if (isHubError(err))
    return new CliError(exitForStatus(err.statusCode), err.message, `hub_${err.statusCode}`);
  const error = err as Error & { cause?: { code?: string; message?: string } };
  // Node's fetch hides the reason (refused, unknown host) in `cause`.
  if (error?.message === "fetch failed")
    return new CliError(
      EXIT.UNEXPECTED,
      `cannot reach the server: ${error.cause?.code ?? error.cause?.message ?? "network error"}`,
      "network_error",
    );
  return new CliError(EXIT.UNEXPECTED, error?.message ?? String(err), "unexpected");
}

/** @huggingface/hub's HubApiError, recognised by shape so that this module does not load the library. */
function isHubError(err: unknown): err is Error & { statusCode: number } {
  return err instanceof Error && typeof (err as { statusCode?: unknown }).statusCode === "number";
}
