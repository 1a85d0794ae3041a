// `npm run db:prepare`: creates the database named by DATABASE_URL if it is missing,
// then applies the committed migrations.
import { ensureDatabaseExists, migrateDatabase } from "../migrate";
import { cliSettings } from "./settings";

const { databaseUrl, safeUrl } = cliSettings();
try {
  if (await ensureDatabaseExists(databaseUrl)) console.log(`created database ${safeUrl}`);
  await migrateDatabase(databaseUrl);
  console.log(`database ready: ${safeUrl}`);
} catch (err) {
  console.error(`could not prepare ${safeUrl}: ${(err as Error).message}`);
  process.exit(1);
}
