import { z } from "zod";
import { ZId } from "./common";
import { ZEmail } from "./users";

/** A member's standing in one project: owners manage members, researchers change the project, viewers read it. */
export const ZProjectRole = z.enum(["OWNER", "RESEARCHER", "VIEWER"]);
export type TProjectRole = z.infer<typeof ZProjectRole>;

export const ZProjectMember = z.object({
  user: z.object({ id: z.string(), name: z.string(), email: z.string() }),
  role: ZProjectRole,
  addedAt: z.string(),
});
export type TProjectMember = z.infer<typeof ZProjectMember>;

export const ZProjectMembersResponse = z.object({ members: z.array(ZProjectMember) });
export const ZProjectMemberResponse = z.object({ member: ZProjectMember });
/** Staff are added by email: the project's owner knows their colleagues' addresses, not their ids. */
export const ZAddProjectMemberBody = z.strictObject({ email: ZEmail, role: ZProjectRole });
export const ZSetProjectMemberBody = z.strictObject({ role: ZProjectRole });
export const ZProjectMemberParams = z.object({ id: ZId, userId: ZId });

/** Researchers an admin allows to attach a pool to the projects they own. */
export const ZSetPoolAttachersBody = z.strictObject({ userIds: z.array(ZId).max(1000) });
