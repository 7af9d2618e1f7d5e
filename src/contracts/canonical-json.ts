// JSON with object keys in a fixed order, so equal content always serializes (and hashes) the
// same in the browser and on the server: the register's content hashes and the checksum of a
// USB sync bundle (src/sync/bundle.ts) both use it. Records of one type share their keys, so the
// sorted order is worked out once per set of keys (the register hashes every record it receives).

const NOTHING: ReadonlySet<string> = new Set();
const sortedKeys = new WeakMap<ReadonlySet<string>, Map<string, string[]>>();
const MAX_SHAPES = 1000;

/** The object's keys, sorted and without `omit`, worked out once per set of keys. */
function keysInOrder(value: object, omit: ReadonlySet<string>): string[] {
  const keys = Object.keys(value);
  const signature = keys.join('\u0000');
  let shapes = sortedKeys.get(omit);
  if (!shapes) {
    shapes = new Map();
    sortedKeys.set(omit, shapes);
  }
  let sorted = shapes.get(signature);
  if (!sorted) {
    sorted = keys.filter((key) => !omit.has(key)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    if (shapes.size >= MAX_SHAPES) shapes.clear();
    shapes.set(signature, sorted);
  }
  return sorted;
}

function isFlat(record: Record<string, unknown>, keys: readonly string[]): boolean {
  for (const key of keys) {
    const item = record[key];
    if (item === null || typeof item !== 'object') continue;
    if (!Array.isArray(item)) return false;
    for (const element of item) if (element !== null && typeof element === 'object') return false;
  }
  return true;
}

/**
 * `omit`: top-level keys to leave out (the register hashes a record without its bookkeeping,
 * without copying it first).
 */
export function canonicalJson(value: unknown, omit?: ReadonlySet<string>): string {
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + canonicalJson(value[i]);
    return `${out}]`;
  }
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = keysInOrder(record, omit ?? NOTHING);
    // A flat record (no nested objects) is copied with its keys in order and serialized natively
    // (undefined values are left out just as below); copies of one shape share V8's fast path.
    if (isFlat(record, keys)) {
      const ordered: Record<string, unknown> = {};
      for (const key of keys) ordered[key] = record[key];
      return JSON.stringify(ordered);
    }
    let out = '{';
    let first = true;
    for (const key of keys) {
      const item = record[key];
      if (item === undefined) continue;
      out += `${first ? '' : ','}${JSON.stringify(key)}:${canonicalJson(item)}`;
      first = false;
    }
    return `${out}}`;
  }
  return JSON.stringify(value);
}
