import type { TRole, TUserStatus } from "@arbiter/shared";

export type AuthUser = {
  id: string;
  email: string;
  name: string;
  role: TRole;
  status: TUserStatus;
};

export type Principal =
  | { via: "session"; user: AuthUser; sessionId: string }
  | { via: "apiKey"; user: AuthUser; apiKeyId: string };
