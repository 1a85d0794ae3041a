export type {
  ApiKey,
  Assignment,
  AuditEvent,
  Completion,
  Export,
  GenerationRun,
  Generator,
  Invite,
  Item,
  Judgment,
  Pool,
  Project,
  Prompt,
  Session,
  User,
  WebhookEndpoint,
} from "@prisma/client";
export {
  AssignmentStatus,
  CompletionSource,
  GenerationMode,
  ItemStatus,
  JobStatus,
  Prisma,
  PrismaClient,
  ProjectStatus,
  Role,
  TaskType,
  UserStatus,
} from "@prisma/client";
export { createBackup } from "./backup/create";
export { type BackupManifest, tableCounts } from "./backup/manifest";
export { restoreBackup } from "./backup/restore";
export { createDb, type Db, type DbOptions } from "./client";
export { isDatabaseUnavailable, isNotFound, isUniqueViolation } from "./errors";
export { ensureDatabaseExists, migrateDatabase } from "./migrate";
export { withTransaction } from "./transaction";
