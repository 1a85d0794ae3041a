import { z } from "zod";

export const ZRole = z.enum(["ADMIN", "RESEARCHER", "ANNOTATOR"]);
export type TRole = z.infer<typeof ZRole>;

export const ZUserStatus = z.enum(["ACTIVE", "SUSPENDED"]);
export type TUserStatus = z.infer<typeof ZUserStatus>;

export const ZId = z.uuid();

export const ZIdParams = z.object({ id: ZId });

/** The one error shape of every non-2xx response. */
export const ZErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type TErrorBody = z.infer<typeof ZErrorBody>;

export const ZCursorQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TCursorQuery = z.infer<typeof ZCursorQuery>;

/** Bounded free text: user input never reaches the database unbounded. */
export const zText = (max: number) => z.string().max(max);
export const zName = z.string().trim().min(1).max(200);

/** The items of a comma-separated setting, trimmed, empty ones dropped. */
export const splitList = (s: string): string[] =>
  s
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);
/** An environment variable holding such a list; unset is empty. */
export const zCommaList = z.string().default("").transform(splitList);
