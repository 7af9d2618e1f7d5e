// The sync bundle: what a kiosk with no network hands the register on a USB stick. A JSON file
// with the kiosk's unsynced records and event set-ups and a SHA-256 checksum of the rest, so a
// file damaged on the way is refused whole instead of half-imported. The register imports it
// through the same idempotent path as a batch: importing it twice changes nothing.

import { canonicalJson } from '../contracts/canonical-json.ts';

export const BUNDLE_FORMAT = 'percorso-sync-bundle';
export const BUNDLE_VERSION = 1;

import { SYNC_STORES, type SyncStore } from '../contracts/sync-wire.ts';

export { SYNC_STORES, type SyncStore };

export interface SyncItem {
  store: SyncStore;
  record: unknown;
}

export interface SyncBundle {
  format: typeof BUNDLE_FORMAT;
  version: typeof BUNDLE_VERSION;
  createdAt: string;
  /** The browser profile's device id, and the station it runs. */
  device: string;
  kioskName: string;
  station: string;
  appVersion: string;
  items: SyncItem[];
  /** SHA-256 (hex) of the canonical JSON of every other field. */
  checksum: string;
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export async function makeBundle(
  fields: Omit<SyncBundle, 'format' | 'version' | 'checksum'>,
): Promise<SyncBundle> {
  const body = { format: BUNDLE_FORMAT, version: BUNDLE_VERSION, ...fields } as const;
  return { ...body, checksum: await sha256Hex(canonicalJson(body)) };
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks a bundle's shape and checksum; says what is wrong in words staff can act on. */
export async function verifyBundle(
  value: unknown,
): Promise<{ ok: true; bundle: SyncBundle } | { ok: false; reason: string }> {
  if (!isObject(value) || value.format !== BUNDLE_FORMAT)
    return {
      ok: false,
      reason: 'this is not a Percorso sync bundle (export it again from the kiosk’s staff panel)',
    };
  if (value.version !== BUNDLE_VERSION)
    return {
      ok: false,
      reason: `bundle version ${String(value.version)} is not supported: update the register`,
    };
  for (const key of ['createdAt', 'device', 'kioskName', 'station', 'appVersion', 'checksum'] as const)
    if (typeof value[key] !== 'string' || (value[key] as string).length > 200)
      return { ok: false, reason: `the bundle's "${key}" is missing or damaged` };
  if (!Array.isArray(value.items)) return { ok: false, reason: 'the bundle has no list of records' };
  for (const [i, item] of (value.items as unknown[]).entries())
    if (!isObject(item) || !SYNC_STORES.includes(item.store as SyncStore))
      return { ok: false, reason: `item ${i + 1} of the bundle is damaged` };
  const { checksum, ...rest } = value;
  if ((await sha256Hex(canonicalJson(rest))) !== checksum)
    return {
      ok: false,
      reason:
        'the bundle’s checksum does not match: the file was damaged or edited; export it again from the kiosk',
    };
  return { ok: true, bundle: value as unknown as SyncBundle };
}
