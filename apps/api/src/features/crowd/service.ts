import { createHmac } from "node:crypto";
import type { Db, Project } from "@arbiter/db";
import type { TCrowdStatus, TJoinBody } from "@arbiter/shared";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { audit } from "../../lib/audit";
import { HttpError, notFound } from "../../lib/http-error";
import { crowdOf } from "../projects/serialize";

/**
 * The participant's account: found by (platform, external id) or created, pseudonymous
 * (the email is a keyed hash of the id, under a reserved domain) and without a password,
 * so the study link is the only way in.
 *
 * A participant id is not a secret (researchers see it, participants paste it around), so
 * knowing one must not open that participant's account. Returning needs what only the
 * participant holds: the platform session the account was started with (Prolific's
 * SESSION_ID, MTurk's assignmentId), or this browser's live session of that account. A known
 * id with anything else starts nothing and is audited (ids hashed).
 */
export interface JoinDeps {
  db: Db;
  /** Keys the hashes that stand in for platform ids (ARBITER_SECRET). */
  secret: string;
  /** This browser's live session, if any (the auth plugin's `currentSession`). */
  currentSession: FastifyInstance["currentSession"];
}

export async function joinProject(
  { db, secret, currentSession }: JoinDeps,
  request: FastifyRequest,
  slug: string,
  input: TJoinBody,
): Promise<{ project: Project; userId: string; resumedInBrowser: boolean; crowd: TCrowdStatus | null }> {
  const project = await db.prisma.project.findUnique({ where: { slug } });
  const crowd = project ? crowdOf(project) : null;
  if (!project || !crowd?.enabled) throw notFound("Study");
  if (project.status !== "ACTIVE")
    throw new HttpError(409, "study_closed", "This study is not open at the moment");

  const browserUserId = (await currentSession(request))?.userId ?? null;
  const known = await findParticipant(db, input);
  const userId = known
    ? await resumeParticipant(db, secret, request, project, input, known, browserUserId)
    : await createParticipant(db, secret, request, project, input, browserUserId);
  await ensureCrowdPool(db, project, userId);
  return {
    project,
    userId,
    resumedInBrowser: browserUserId === userId,
    crowd: await crowdStatus(db, project, userId),
  };
}

type KnownParticipant = NonNullable<Awaited<ReturnType<typeof findParticipant>>>;

function findParticipant(db: Db, input: TJoinBody) {
  return db.prisma.externalIdentity.findUnique({
    where: { platform_externalId: { platform: input.platform, externalId: input.participantId } },
    include: { user: { select: { status: true } } },
  });
}

async function resumeParticipant(
  db: Db,
  secret: string,
  request: FastifyRequest,
  project: Project,
  input: TJoinBody,
  known: KnownParticipant,
  browserUserId: string | null,
): Promise<string> {
  const samePlatformSession = Boolean(input.sessionId) && input.sessionId === known.sessionId;
  const sameBrowser = browserUserId === known.userId;
  if (!samePlatformSession && !sameBrowser) {
    await audit(db.prisma, request, {
      action: "crowd.join_refused",
      targetType: "project",
      targetId: project.id,
      data: {
        platform: input.platform,
        // Keyed hashes: the audit log can tell attempts on one participant apart without
        // holding the platform's ids.
        participant: keyedHash(secret, `${input.platform}:${input.participantId}`),
        sessionId: input.sessionId ? keyedHash(secret, `session:${input.sessionId}`) : null,
      },
    });
    throw new HttpError(
      403,
      "crowd_session_mismatch",
      "This participant has already started from another study session. Open the study again from the link your platform gives you, in the browser you started in; if that does not work, contact the researcher.",
    );
  }
  if (known.user.status === "SUSPENDED")
    throw new HttpError(403, "suspended", "This participant is suspended");
  if (sameBrowser && input.sessionId && input.sessionId !== known.sessionId) {
    // The browser vouches for the participant: their newest platform session is the one a
    // later return (in another browser, or after the cookie ends) must match.
    await db.prisma.externalIdentity.update({
      where: { platform_externalId: { platform: known.platform, externalId: known.externalId } },
      data: { sessionId: input.sessionId, studyId: input.studyId ?? known.studyId },
    });
  }
  return known.userId;
}

function keyedHash(secret: string, value: string): string {
  return createHmac("sha256", secret).update(value).digest("hex").slice(0, 20);
}

async function createParticipant(
  db: Db,
  secret: string,
  request: FastifyRequest,
  project: Project,
  input: TJoinBody,
  browserUserId: string | null,
): Promise<string> {
  const pseudonym = keyedHash(secret, `${input.platform}:${input.participantId}`);
  const email = `${input.platform}-${pseudonym}@crowd.invalid`;
  const created = await db.prisma.$transaction(async (tx) => {
    // Two tabs joining at once: the second finds the first's account by its email.
    const user =
      (await tx.user.findUnique({ where: { email } })) ??
      (await tx.user.create({
        data: {
          email,
          name: `${input.platform === "prolific" ? "Prolific" : "MTurk"} ${pseudonym.slice(0, 8)}`,
        },
      }));
    const inserted = await tx.externalIdentity.createMany({
      data: {
        platform: input.platform,
        externalId: input.participantId,
        userId: user.id,
        studyId: input.studyId ?? null,
        sessionId: input.sessionId ?? null,
      },
      skipDuplicates: true,
    });
    if (inserted.count === 0) return null;
    await tx.auditEvent.create({
      data: {
        actorId: user.id,
        action: "crowd.join",
        targetType: "project",
        targetId: project.id,
        data: { platform: input.platform, studyId: input.studyId ?? null },
        ip: request.ip,
      },
    });
    return user.id;
  });
  if (created) return created;
  // Another request created this participant first: it is a return, with a return's proof.
  const known = await findParticipant(db, input);
  if (!known) throw new HttpError(409, "conflict", "The participant could not be created; try again");
  return resumeParticipant(db, secret, request, project, input, known, browserUserId);
}

/** Crowd participants reach the project through its own pool, like everyone else. */
async function ensureCrowdPool(db: Db, project: Project, userId: string) {
  const name = `Crowd: ${project.slug}`;
  const pool = await db.prisma.pool.upsert({ where: { name }, create: { name }, update: {} });
  await db.prisma.projectPool.upsert({
    where: { projectId_poolId: { projectId: project.id, poolId: pool.id } },
    create: { projectId: project.id, poolId: pool.id },
    update: {},
  });
  await db.prisma.poolMember.upsert({
    where: { poolId_userId: { poolId: pool.id, userId } },
    create: { poolId: pool.id, userId },
    update: {},
  });
}

/** The participant's quota status; null for anyone who did not come from a platform. */
export async function crowdStatus(
  db: Db,
  project: Pick<Project, "id" | "crowd">,
  userId: string,
): Promise<TCrowdStatus | null> {
  const crowd = crowdOf(project);
  if (!crowd.enabled) return null;
  const { rows } = await db.pool.query<{ platform: boolean; judged: number }>(
    `SELECT EXISTS (SELECT 1 FROM external_identities e WHERE e.user_id = $2) AS platform,
            (SELECT count(*)::int FROM judgments j
              WHERE j.project_id = $1 AND j.annotator_id = $2 AND j.superseded_at IS NULL) AS judged`,
    [project.id, userId],
  );
  if (!rows[0]?.platform) return null;
  const done = rows[0].judged >= crowd.quota;
  return {
    quota: crowd.quota,
    judged: rows[0].judged,
    completionCode: done ? crowd.completionCode : null,
    redirectUrl: done ? (crowd.redirectUrl ?? null) : null,
  };
}

/** SQL: whether the user ($N) came from a platform and has met project p's quota. */
export function quotaReachedSql(userParam: string): string {
  return `(COALESCE((p.crowd->>'enabled')::boolean, false)
    AND EXISTS (SELECT 1 FROM external_identities e WHERE e.user_id = ${userParam})
    AND (SELECT count(*) FROM judgments j
          WHERE j.project_id = p.id AND j.annotator_id = ${userParam} AND j.superseded_at IS NULL)
        >= COALESCE((p.crowd->>'quota')::int, 0))`;
}

export async function quotaReached(db: Db, projectId: string, userId: string): Promise<boolean> {
  const { rows } = await db.pool.query<{ reached: boolean }>(
    `SELECT ${quotaReachedSql("$2")} AS reached FROM projects p WHERE p.id = $1`,
    [projectId, userId],
  );
  return rows[0]?.reached === true;
}
