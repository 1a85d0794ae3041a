// Seeds the demo installation once: an admin, a researcher, three annotators, a pool
// and a project with items to judge. Passwords are generated on the first run, kept in
// .arbiter/demo-credentials.json (mode 600) and printed on every run.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createDb, type PrismaClient } from "@arbiter/db";
import { ZQuestions } from "@arbiter/shared";
import { parseApiEnv } from "../env";
import { promptContentHash } from "../features/prompts/service";
import { hashPassword } from "../lib/passwords";
import { DEMO_ITEMS } from "./demo-content";

type Login = { role: string; email: string; password: string };

const config = parseApiEnv(process.env);
const file = path.resolve(process.env.ARBITER_DEMO_DIR ?? ".arbiter", "demo-credentials.json");

function loadOrCreateLogins(): Login[] {
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8"));
  const pw = () => randomBytes(9).toString("base64url");
  const logins: Login[] = [
    {
      role: "ADMIN",
      email: config.ARBITER_ADMIN_EMAIL ?? "admin@arbiter.local",
      password: config.ARBITER_ADMIN_PASSWORD ?? pw(),
    },
    { role: "RESEARCHER", email: "researcher@arbiter.local", password: pw() },
    ...[1, 2, 3].map((n) => ({ role: "ANNOTATOR", email: `annotator${n}@arbiter.local`, password: pw() })),
  ];
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(logins, null, 2), { mode: 0o600 });
  return logins;
}

async function ensureUser(prisma: PrismaClient, login: Login) {
  const existing = await prisma.user.findUnique({ where: { email: login.email } });
  if (existing) return existing;
  const name = login.role === "ANNOTATOR" ? login.email.split("@")[0]! : login.role.toLowerCase();
  return prisma.user.create({
    data: {
      email: login.email,
      name: name[0]!.toUpperCase() + name.slice(1),
      role: login.role as "ADMIN",
      passwordHash: await hashPassword(login.password),
      passwordChangedAt: new Date(),
    },
  });
}

async function seedProject(prisma: PrismaClient, researcherId: string, annotatorIds: string[]) {
  if (await prisma.project.findUnique({ where: { slug: "demo-helpfulness" } })) return;
  const pool = await prisma.pool.upsert({
    where: { name: "Demo annotators" },
    create: { name: "Demo annotators" },
    update: {},
  });
  await prisma.poolMember.createMany({
    data: annotatorIds.map((userId) => ({ poolId: pool.id, userId })),
    skipDuplicates: true,
  });
  // The demo researcher may attach the demo pool to the projects they create.
  await prisma.poolAttacher.createMany({
    data: [{ poolId: pool.id, userId: researcherId }],
    skipDuplicates: true,
  });
  const project = await prisma.project.create({
    data: {
      slug: "demo-helpfulness",
      name: "Helpfulness (demo)",
      guidelines:
        "## Which answer is more helpful?\n\nRead the prompt, then both answers. Prefer the answer that is **correct**, **complete** and **safe**. Length is not a virtue by itself.\n\n- Pick a tie only if you truly cannot choose.\n- Mark *both bad* when neither answer should be shown to a user.",
      questions: ZQuestions.parse({
        strength: true,
        rationale: "optional",
        flags: ["unsafe", "factual error"],
      }),
      judgmentsPerItem: 3,
      createdById: researcherId,
      pools: { create: [{ poolId: pool.id }] },
    },
  });
  for (const [i, demo] of DEMO_ITEMS.entries()) {
    const prompt = await prisma.prompt.create({
      data: {
        projectId: project.id,
        text: demo.prompt,
        externalId: `demo-${i + 1}`,
        contentHash: promptContentHash({ text: demo.prompt }),
      },
    });
    const completions = await Promise.all(
      demo.answers.map((text, position) =>
        prisma.completion.create({
          data: {
            promptId: prompt.id,
            source: "IMPORTED",
            model: position === 0 ? "demo-careful" : "demo-hasty",
            text,
            sampleIndex: position,
          },
        }),
      ),
    );
    await prisma.item.create({
      data: {
        projectId: project.id,
        promptId: prompt.id,
        judgmentsWanted: 3,
        completions: { create: completions.map((c, position) => ({ position, completionId: c.id })) },
      },
    });
  }
}

const db = createDb(config.DATABASE_URL, { poolSize: 2 });
try {
  const logins = loadOrCreateLogins();
  const users = [];
  for (const login of logins) users.push(await ensureUser(db.prisma, login));
  const researcher = users.find((u) => u.role === "RESEARCHER")!;
  await seedProject(
    db.prisma,
    researcher.id,
    users.filter((u) => u.role === "ANNOTATOR").map((u) => u.id),
  );
  console.log("\nDemo logins (also in .arbiter/demo-credentials.json):");
  for (const l of logins) console.log(`  ${l.role.padEnd(10)} ${l.email.padEnd(28)} ${l.password}`);
} finally {
  await db.close();
}
