import type { TRole, TUserStatus } from "@arbiter/shared";

export type AuthUser = {
  id: string;
  email: string;
  name: string;
  role: TRole;
  status: TUserStatus;
};

// validUntil (ms since the epoch): when the credential lapses by itself, at its absolute or
// idle limit, if nothing else ends it first. The hot path's memory never outlives it.
export type Principal =
  | { via: "session"; user: AuthUser; sessionId: string; validUntil: number }
  | { via: "apiKey"; user: AuthUser; apiKeyId: string; validUntil: number };
