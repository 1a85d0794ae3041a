import path from "node:path";

/** The DATABASE_URL and EXPORT_DIR the API and worker read, with the same defaults. */
export function cliSettings() {
  const databaseUrl = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/arbiter";
  return {
    databaseUrl,
    exportDir: path.resolve(process.env.EXPORT_DIR ?? "./exports"),
    /** For messages: the password replaced by ***. */
    safeUrl: databaseUrl.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@"),
  };
}
