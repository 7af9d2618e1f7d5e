// The databases the register's tests run against: SQLite in a temporary folder always, and a
// real PostgreSQL — the one at DATABASE_URL, else the machines' own on 127.0.0.1:5432 — in a
// fresh database per run, dropped afterwards. Without one, the PostgreSQL tests say they skip.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { migrate, type OpenedRegister, openRegisterDb } from './db.ts';

export interface TestBackend {
  name: 'sqlite' | 'postgres';
  open(): Promise<OpenedRegister & { dispose(): Promise<void> }>;
}

const POSTGRES_FALLBACK = 'postgres://postgres@127.0.0.1:5432/postgres';

async function postgresAdminUrl(): Promise<string | null> {
  const url = process.env.DATABASE_URL ?? POSTGRES_FALLBACK;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return url;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => {});
  }
}

export const postgresUrl = await postgresAdminUrl();
if (!postgresUrl)
  console.warn(
    'register tests: no PostgreSQL at DATABASE_URL or 127.0.0.1:5432, so the PostgreSQL runs are skipped (SQLite runs). ' +
      'Start one (apt-get install -y postgresql) or set DATABASE_URL to test both.',
  );

export const sqliteBackend: TestBackend = {
  name: 'sqlite',
  async open() {
    const dir = mkdtempSync(join(tmpdir(), 'register-'));
    const opened = openRegisterDb({ dataDir: dir });
    await migrate(opened.db);
    return {
      ...opened,
      async dispose() {
        await opened.db.destroy();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

export const postgresBackend: TestBackend = {
  name: 'postgres',
  async open() {
    const admin = new pg.Client({ connectionString: postgresUrl as string });
    await admin.connect();
    const name = `percorso_test_${crypto.randomUUID().replaceAll('-', '').slice(0, 16)}`;
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(postgresUrl as string);
    url.pathname = `/${name}`;
    const opened = openRegisterDb({ databaseUrl: url.href });
    await migrate(opened.db);
    return {
      ...opened,
      async dispose() {
        await opened.db.destroy();
        const again = new pg.Client({ connectionString: postgresUrl as string });
        await again.connect();
        await again.query(`drop database if exists ${name}`);
        await again.end();
      },
    };
  },
};

/** Both backends, each with whether it can run here. */
export const BACKENDS: [string, TestBackend, boolean][] = [
  ['sqlite', sqliteBackend, true],
  ['postgres', postgresBackend, postgresUrl !== null],
];
