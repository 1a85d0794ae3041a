import { z } from "zod";
import { ZId, ZUserStatus, zName } from "./common";
import { ZEmail, ZPassword } from "./users";

export const ZPool = z.object({
  id: z.string(),
  name: z.string(),
  memberCount: z.number(),
  // Researchers allowed to attach this pool to the projects they own (admins always may).
  attacherIds: z.array(z.string()),
  createdAt: z.string(),
});
export type TPool = z.infer<typeof ZPool>;
export const ZCreatePoolBody = z.strictObject({ name: zName });
export const ZPoolResponse = z.object({ pool: ZPool });
export type TPoolResponse = z.infer<typeof ZPoolResponse>;
export const ZAddMembersBody = z.strictObject({ userIds: z.array(ZId).min(1).max(1000) });
export const ZAddMembersResponse = z.object({ pool: ZPool, added: z.number() });
export type TAddMembersResponse = z.infer<typeof ZAddMembersResponse>;

export const ZRenamePoolBody = z.strictObject({ name: zName });
export const ZPoolListResponse = z.object({ pools: z.array(ZPool) });
export type TPoolListResponse = z.infer<typeof ZPoolListResponse>;

export const ZPoolMember = z.object({
  user: z.object({ id: z.string(), name: z.string(), email: z.string(), status: ZUserStatus }),
  addedAt: z.string(),
  judgments: z.number(),
  lastJudgmentAt: z.string().nullable(),
  // Projects in which quality control has taken this member out of the stream.
  quarantinedIn: z.number(),
});
export type TPoolMember = z.infer<typeof ZPoolMember>;
// The projects this pool is attached to: its members may annotate them.
export const ZPoolProject = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(["ACTIVE", "PAUSED", "ARCHIVED"]),
});
export type TPoolProject = z.infer<typeof ZPoolProject>;
export const ZPoolMembersResponse = z.object({
  pool: ZPool,
  members: z.array(ZPoolMember),
  projects: z.array(ZPoolProject),
});
export type TPoolMembersResponse = z.infer<typeof ZPoolMembersResponse>;
export const ZMemberParams = z.object({ id: ZId, userId: ZId });

export const ZInviteRole = z.enum(["ANNOTATOR", "RESEARCHER"]);
export const ZCreateInviteBody = z.strictObject({
  role: ZInviteRole.default("ANNOTATOR"),
  maxUses: z.number().int().min(1).max(10_000).default(1),
  expiresInHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24 * 7),
});
export type TCreateInviteBody = z.infer<typeof ZCreateInviteBody>;

export const ZInviteState = z.enum(["active", "expired", "exhausted", "revoked"]);
export type TInviteState = z.infer<typeof ZInviteState>;
export const ZInvite = z.object({
  id: z.string(),
  poolId: z.string(),
  role: ZInviteRole,
  maxUses: z.number(),
  uses: z.number(),
  expiresAt: z.string(),
  createdAt: z.string(),
  state: ZInviteState,
});
export type TInvite = z.infer<typeof ZInvite>;
// The token is shown once, at creation; only its hash is stored.
export const ZCreateInviteResponse = z.object({ invite: ZInvite, token: z.string(), url: z.string() });
export type TCreateInviteResponse = z.infer<typeof ZCreateInviteResponse>;
export const ZInviteListResponse = z.object({ invites: z.array(ZInvite) });
export type TInviteListResponse = z.infer<typeof ZInviteListResponse>;

export const ZInviteTokenParams = z.object({ token: z.string().min(10).max(200) });
export const ZInvitePeekResponse = z.object({
  pool: z.object({ name: z.string() }),
  role: ZInviteRole,
  state: ZInviteState,
  expiresAt: z.string(),
});
export type TInvitePeekResponse = z.infer<typeof ZInvitePeekResponse>;
export const ZAcceptInviteBody = z.strictObject({ name: zName, email: ZEmail, password: ZPassword });
export type TAcceptInviteBody = z.infer<typeof ZAcceptInviteBody>;
// The same answer whether the email is new or already has an account: joining finishes when
// the account's owner signs in with its password.
export const ZAcceptInviteResponse = z.object({
  status: z.literal("sign_in_to_finish"),
  email: z.string(),
  message: z.string(),
});
export type TAcceptInviteResponse = z.infer<typeof ZAcceptInviteResponse>;
