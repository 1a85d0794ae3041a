import { z } from "zod";
import { ZCursorQuery, ZRole, ZUserStatus, zName } from "./common";

export const ZEmail = z
  .string()
  .trim()
  .max(320)
  .pipe(z.email())
  .transform((s) => s.toLowerCase());

export const ZPassword = z.string().min(8, "must be at least 8 characters").max(512);

/** The languages the annotator-facing pages speak; English is the fallback. */
export const LOCALES = ["en", "de", "es"] as const;
export const ZLocale = z.enum(LOCALES);
export type TLocale = z.infer<typeof ZLocale>;

export const ZUser = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: ZRole,
  status: ZUserStatus,
  /** The language the user picked; null: the browser's language decides. */
  locale: ZLocale.nullable(),
  createdAt: z.string(),
});
export type TUser = z.infer<typeof ZUser>;

export const ZLoginBody = z.strictObject({ email: ZEmail, password: z.string().min(1).max(512) });
export type TLoginBody = z.infer<typeof ZLoginBody>;

// Re-entering the password on a signed-in session, before an action that needs a fresh proof.
export const ZConfirmPasswordBody = z.strictObject({ password: z.string().min(1).max(512) });

export const ZChangePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(512),
  newPassword: ZPassword,
});
export type TChangePasswordBody = z.infer<typeof ZChangePasswordBody>;
export const ZPasswordChangedResponse = z.object({
  user: ZUser,
  /** What the change ended: every session (the caller gets a fresh one) and every API key. */
  revoked: z.object({ sessions: z.number().int(), apiKeys: z.number().int() }),
});
export type TPasswordChangedResponse = z.infer<typeof ZPasswordChangedResponse>;

/** Settings a user changes for themselves. */
export const ZUpdateMeBody = z.strictObject({ locale: ZLocale.nullable() });
export type TUpdateMeBody = z.infer<typeof ZUpdateMeBody>;

export const ZCreateUserBody = z.strictObject({
  email: ZEmail,
  name: zName,
  role: ZRole,
  password: ZPassword,
});
export type TCreateUserBody = z.infer<typeof ZCreateUserBody>;

export const ZUpdateUserBody = z
  .strictObject({ name: zName, role: ZRole, status: ZUserStatus })
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: "nothing to change" });
export type TUpdateUserBody = z.infer<typeof ZUpdateUserBody>;

export const ZUserListQuery = ZCursorQuery.extend({
  role: ZRole.optional(),
  status: ZUserStatus.optional(),
  q: z.string().max(200).optional(),
});

export const ZUserResponse = z.object({ user: ZUser });
export type TUserResponse = z.infer<typeof ZUserResponse>;
export const ZUserListResponse = z.object({ users: z.array(ZUser), nextCursor: z.string().nullable() });
export type TUserListResponse = z.infer<typeof ZUserListResponse>;
