/**
 * What the CLI's exit status means: one table for the code and the help text (a test keeps the
 * README's copy equal). Scripts branch on these numbers, so a number keeps its meaning.
 */
export const EXIT = {
  OK: 0,
  UNEXPECTED: 1,
  USAGE: 2,
  AUTH: 3,
  NOT_FOUND: 4,
  JOB_FAILED: 5,
  LINES_REFUSED: 6,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export const EXIT_MEANINGS: Record<ExitCode, string> = {
  0: "done",
  1: "unexpected failure (network, server error, a bug)",
  2: "usage: a bad flag, file or request the API refused as invalid (400)",
  3: "not signed in, or the API or the Hub refused the credentials (401/403)",
  4: "not found: a project, generator, run, export or repository",
  5: "a job finished FAILED or CANCELLED, or a file does not match its sha256",
  6: "an import refused some lines (each is listed with its reason)",
};

/** The table as the help text prints it. */
export function exitCodeTable(): string {
  return Object.entries(EXIT_MEANINGS)
    .map(([code, meaning]) => `  ${code}  ${meaning}`)
    .join("\n");
}
