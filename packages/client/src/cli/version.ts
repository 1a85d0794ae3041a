import pkg from "../../package.json" with { type: "json" };

/** The package's version, sent as the CLI's user agent and printed by --version. */
export const VERSION: string = pkg.version;
