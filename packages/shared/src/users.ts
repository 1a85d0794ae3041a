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
  /** When the person was erased (email and name are placeholders since); null otherwise. */
  erasedAt: z.string().nullable(),
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

/**
 * Erasing a person: `keep` leaves their answers under the account's pseudonym, `delete` removes
 * them and reopens the items they had filled. The email is typed again to confirm.
 */
export const ZEraseUserBody = z.strictObject({
  judgments: z.enum(["keep", "delete"]),
  confirmEmail: ZEmail,
});
export type TEraseUserBody = z.infer<typeof ZEraseUserBody>;
export const ZEraseUserResponse = z.object({
  user: ZUser,
  judgmentsDeleted: z.number().int(),
  itemsReopened: z.number().int(),
});
export type TEraseUserResponse = z.infer<typeof ZEraseUserResponse>;

/** Everything Arbiter holds about the signed-in person, as `GET /me/data` gives it to them. */
export const ZMyData = z.object({
  exportedAt: z.string(),
  account: ZUser,
  sessions: z.array(
    z.object({
      createdAt: z.string(),
      lastSeenAt: z.string(),
      expiresAt: z.string(),
      revokedAt: z.string().nullable(),
      ip: z.string().nullable(),
      userAgent: z.string().nullable(),
    }),
  ),
  apiKeys: z.array(
    z.object({
      name: z.string(),
      prefix: z.string(),
      createdAt: z.string(),
      lastUsedAt: z.string().nullable(),
      expiresAt: z.string().nullable(),
      revokedAt: z.string().nullable(),
    }),
  ),
  pools: z.array(z.object({ poolId: z.string(), name: z.string(), addedAt: z.string() })),
  externalIdentities: z.array(
    z.object({
      platform: z.string(),
      externalId: z.string(),
      studyId: z.string().nullable(),
      sessionId: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
  judgments: z.array(
    z.object({
      id: z.string(),
      projectId: z.string(),
      itemId: z.string(),
      answer: z.unknown(),
      choice: z.string().nullable(),
      strength: z.number().int().nullable(),
      aspects: z.unknown(),
      rationale: z.string().nullable(),
      flags: z.array(z.string()),
      durationMs: z.number().int().nullable(),
      createdAt: z.string(),
    }),
  ),
  auditEvents: z.array(
    z.object({
      action: z.string(),
      targetType: z.string(),
      targetId: z.string().nullable(),
      data: z.unknown(),
      ip: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
});
export type TMyData = z.infer<typeof ZMyData>;
