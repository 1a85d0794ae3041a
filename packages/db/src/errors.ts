import { Prisma } from "@prisma/client";

const CONNECTION_ERROR_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now
  "08000",
  "08003",
  "08006",
  "08001",
  "08004",
  "P1001",
  "P1002",
  "P1017",
]);

/** True when the database could not be reached (as opposed to a query that failed). */
export function isDatabaseUnavailable(err: unknown): boolean {
  if (!err || typeof err !== "object") return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === "string" && CONNECTION_ERROR_CODES.has(code)) return true;
  if (err instanceof Prisma.PrismaClientInitializationError) return true;
  const message = (err as { message?: unknown }).message;
  if (
    typeof message === "string" &&
    /Connection terminated|connection timeout|ECONNREFUSED|terminating connection|Client has encountered a connection error/i.test(
      message,
    )
  ) {
    return true;
  }
  const cause = (err as { cause?: unknown }).cause;
  return cause !== undefined && cause !== err && isDatabaseUnavailable(cause);
}

/** Postgres / Prisma unique-constraint violation. */
export function isUniqueViolation(err: unknown): boolean {
  if (err instanceof Prisma.PrismaClientKnownRequestError) return err.code === "P2002";
  return (err as { code?: unknown } | null)?.code === "23505";
}

export function isNotFound(err: unknown): boolean {
  return err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2025";
}
