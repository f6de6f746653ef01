export { createPrismaClient, type Db } from "./client";
export { Prisma, ProjectRole, AssetKind, StudyKind, StudyStatus, JobStatus } from "./generated/prisma/client";
export type * from "./generated/prisma/client";
export { migrate, listMigrations, MigrationError, type MigrationResult } from "./migrate";
export { checkDatabaseUrl, DatabaseUnreachableError } from "./connection";
export { isUniqueViolation } from "./errors";
