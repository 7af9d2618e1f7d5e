// Opens the register the way every command does: DATABASE_URL (PostgreSQL) or DATA_DIR
// (SQLite, default `data/`), migrated to the latest schema, with a message that says what to
// do when it cannot.

import { migrate, type OpenedRegister, openRegisterDb } from './db.ts';

export async function openRegisterFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<OpenedRegister> {
  const opened = openRegisterDb({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR ?? 'data' });
  try {
    await migrate(opened.db);
  } catch (error) {
    await opened.db.destroy().catch(() => {});
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Cannot open the events register at ${opened.where}: ${reason}. ` +
        (opened.backend === 'postgres'
          ? 'Check DATABASE_URL (postgres://user@host:port/database) and that the server is running.'
          : 'Check that DATA_DIR is a folder this user can write to.'),
    );
  }
  return opened;
}
