import { z } from "zod";
import { ZId, zName } from "./common";

export const ZPool = z.object({
  id: z.string(),
  name: z.string(),
  memberCount: z.number(),
  createdAt: z.string(),
});
export const ZCreatePoolBody = z.object({ name: zName });
export const ZPoolResponse = z.object({ pool: ZPool });
export const ZAddMembersBody = z.object({ userIds: z.array(ZId).min(1).max(1000) });
export const ZAddMembersResponse = z.object({ pool: ZPool, added: z.number() });
