// Staff PIN hashing with PBKDF2-SHA256 through WebCrypto, shared by `npm run pin` (Node) and
// the kiosk (browser), so both agree on the format `pbkdf2-sha256$<iter>$<salt>$<hash>`.
// A 4–6 digit PIN is a lock against visitors, not a secret: the iterations slow guessing down.

import { MIN_PIN_ITERATIONS, PIN_HASH_PATTERN } from './kiosk-config.ts';

export const PIN_PATTERN = /^\d{4,6}$/;

const toBase64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string): Uint8Array => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

async function derive(pin: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    key,
    256,
  );
  return new Uint8Array(bits);
}

export async function hashPin(
  pin: string,
  options: { iterations?: number; salt?: Uint8Array } = {},
): Promise<string> {
  if (!PIN_PATTERN.test(pin)) throw new Error('A staff PIN is 4 to 6 digits.');
  const iterations = options.iterations ?? MIN_PIN_ITERATIONS;
  const salt = options.salt ?? crypto.getRandomValues(new Uint8Array(16));
  const hash = await derive(pin, salt, iterations);
  return `pbkdf2-sha256$${iterations}$${toBase64(salt)}$${toBase64(hash)}`;
}

export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const match = PIN_HASH_PATTERN.exec(stored);
  if (!match?.[1] || !match[2] || !match[3]) return false;
  const expected = fromBase64(match[3]);
  const actual = await derive(pin, fromBase64(match[2]), Number(match[1]));
  if (actual.length !== expected.length) return false;
  let diff = 0;
  for (let i = 0; i < actual.length; i++) diff |= (actual[i] ?? 0) ^ (expected[i] ?? 0);
  return diff === 0;
}
