import { z } from "zod";
import { ZCursorQuery, ZId } from "./common";

export const ZAuditQuery = ZCursorQuery.extend({
  action: z.string().trim().max(100).optional(),
  actorId: ZId.optional(),
  targetType: z.string().trim().max(50).optional(),
  targetId: z.string().trim().max(100).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export type TAuditQuery = z.infer<typeof ZAuditQuery>;

export const ZAuditEvent = z.object({
  id: z.string(),
  action: z.string(),
  actor: z.object({ id: z.string(), name: z.string(), email: z.string() }).nullable(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  /** The person the action was about: the user targeted, or the owner of the API key targeted. */
  targetUser: z.object({ id: z.string(), name: z.string(), email: z.string() }).nullable(),
  data: z.unknown(),
  ip: z.string().nullable(),
  createdAt: z.string(),
});
export type TAuditEvent = z.infer<typeof ZAuditEvent>;
export const ZAuditResponse = z.object({ events: z.array(ZAuditEvent), nextCursor: z.string().nullable() });
export type TAuditResponse = z.infer<typeof ZAuditResponse>;
