// Staff accounts and dashboard sessions. Passwords are hashed with scrypt (node:crypto) and a
// random salt; a session is a random token in an HttpOnly, SameSite=Strict cookie, stored hashed
// so a copy of the database signs nobody in.

import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type { RegisterDb } from './db.ts';

export const SESSION_COOKIE = 'percorso_staff';
export const SESSION_HOURS = 12;
export const MIN_PASSWORD_CHARS = 10;
const USERNAME = /^[a-z0-9][a-z0-9._-]{1,39}$/;

const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 64 } as const;

function scryptAsync(password: string, salt: Buffer, N: number, r: number, p: number, keylen: number) {
  return new Promise<Buffer>((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, keylen, { N, r, p, maxmem: 64 * 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** `scrypt$N$r$p$salt$key` (base64): the parameters travel with the hash so they can grow. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, SCRYPT.N, SCRYPT.r, SCRYPT.p, SCRYPT.keylen);
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await scryptAsync(
    password,
    Buffer.from(salt, 'base64'),
    Number(n),
    Number(r),
    Number(p),
    expected.length,
  );
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Why a username or password cannot be used, or null when both are fine. */
export function credentialProblem(username: string, password: string): string | null {
  if (!USERNAME.test(username))
    return 'a username is 2–40 lower-case letters, digits, dots, dashes or underscores';
  if ([...password].length < MIN_PASSWORD_CHARS)
    return `a password needs at least ${MIN_PASSWORD_CHARS} characters`;
  return null;
}

export async function createStaff(db: RegisterDb, username: string, password: string): Promise<void> {
  const problem = credentialProblem(username, password);
  if (problem) throw new Error(problem);
  const existing = await db
    .selectFrom('staff')
    .select('username')
    .where('username', '=', username)
    .executeTakeFirst();
  if (existing) throw new Error(`there is already a staff account called "${username}"`);
  await db
    .insertInto('staff')
    .values({ username, password_hash: await hashPassword(password), created_at: new Date().toISOString() })
    .execute();
}

export async function countStaff(db: RegisterDb): Promise<number> {
  const row = await db
    .selectFrom('staff')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Compared against when the name is unknown, made once on first use. */
let dummyHash: Promise<string> | undefined;
const dummy = (): Promise<string> => {
  dummyHash ??= hashPassword(randomBytes(12).toString('hex'));
  return dummyHash;
};

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** Checks the password and opens a session; null when either is wrong (never says which). */
export async function signIn(
  db: RegisterDb,
  username: string,
  password: string,
  now: Date,
): Promise<{ token: string; expiresAt: string } | null> {
  const staff = await db.selectFrom('staff').selectAll().where('username', '=', username).executeTakeFirst();
  // An unknown name still costs one scrypt, so timing does not reveal which names exist.
  const ok = await verifyPassword(password, staff?.password_hash ?? (await dummy()));
  if (!staff || !ok) return null;
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000).toISOString();
  await db.deleteFrom('sessions').where('expires_at', '<', now.toISOString()).execute();
  await db
    .insertInto('sessions')
    .values({ token_hash: tokenHash(token), username, created_at: now.toISOString(), expires_at: expiresAt })
    .execute();
  return { token, expiresAt };
}

export async function sessionUser(db: RegisterDb, token: string, now: Date): Promise<string | null> {
  const row = await db
    .selectFrom('sessions')
    .select(['username', 'expires_at'])
    .where('token_hash', '=', tokenHash(token))
    .executeTakeFirst();
  if (!row || row.expires_at <= now.toISOString()) return null;
  return row.username;
}

export async function signOut(db: RegisterDb, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash(token)).execute();
}

/** The value of one cookie in a Cookie header. */
export function readCookie(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}

export function sessionCookie(token: string, maxAgeSeconds: number, secure: boolean): string {
  return [
    `${SESSION_COOKIE}=${encodeURIComponent(token)}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${maxAgeSeconds}`,
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}
