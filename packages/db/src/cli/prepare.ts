// `npm run db:prepare`: creates the database named by DATABASE_URL if it is missing,
// then applies the committed migrations.
import { ensureDatabaseExists, migrateDatabase } from "../migrate";

const url = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/arbiter";
const safe = url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
try {
  if (await ensureDatabaseExists(url)) console.log(`created database ${safe}`);
  await migrateDatabase(url);
  console.log(`database ready: ${safe}`);
} catch (err) {
  console.error(`could not prepare ${safe}: ${(err as Error).message}`);
  process.exit(1);
}
