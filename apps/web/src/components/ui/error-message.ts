import { ApiError } from "@/lib/api-error";

/** The API's own sentence when there is one, otherwise a plain one. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError && err.status < 500) return err.message;
  if (err instanceof ApiError) return "The server could not do this just now. Try again.";
  return "Arbiter could not be reached. Check your connection and try again.";
}
