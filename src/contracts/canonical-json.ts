// JSON with object keys in a fixed order, so equal content always serializes (and hashes) the
// same in the browser and on the server: the register's content hashes and the checksum of a
// USB sync bundle (src/sync/bundle.ts) both use it. Records of one type share their keys, so the
// sorted order is worked out once per set of keys (the register hashes every record it receives).

const NOTHING: ReadonlySet<string> = new Set();
const sortedKeys = new WeakMap<ReadonlySet<string>, Map<string, { sorted: string[]; omitted: number }>>();
const MAX_SHAPES = 1000;

/**
 * The object's keys, sorted and without `omit`, worked out once per set of keys. The cache is
 * looked up by a short key (count, first and last key) and the hit is confirmed by checking that
 * the object has exactly the cached keys, which is cheaper than joining every key.
 */
function keysInOrder(value: Record<string, unknown>, omit: ReadonlySet<string>): string[] {
  const keys = Object.keys(value);
  const lookup = `${keys.length}\u0000${keys[0]}\u0000${keys[keys.length - 1]}`;
  let shapes = sortedKeys.get(omit);
  if (!shapes) {
    shapes = new Map();
    sortedKeys.set(omit, shapes);
  }
  const cached = shapes.get(lookup);
  if (cached && sameKeys(value, keys.length, cached, omit)) return cached.sorted;
  const sorted = keys.filter((key) => !omit.has(key)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (shapes.size >= MAX_SHAPES) shapes.clear();
  shapes.set(lookup, { sorted, omitted: keys.length - sorted.length });
  return sorted;
}

/** Whether the object has exactly the cached keys (as many, and each of them). */
function sameKeys(
  value: Record<string, unknown>,
  count: number,
  cached: { sorted: string[]; omitted: number },
  omit: ReadonlySet<string>,
): boolean {
  if (cached.sorted.length + cached.omitted !== count) return false;
  for (const key of cached.sorted) if (!Object.hasOwn(value, key)) return false;
  let omitted = 0;
  for (const key of omit) if (Object.hasOwn(value, key)) omitted++;
  return omitted === cached.omitted;
}

/**
 * Whether every value is a primitive or an array of primitives: then JSON.stringify with the
 * sorted keys as its replacer list writes the canonical form itself, without a copy (a replacer
 * list would also filter the keys of nested objects, so those take the slow path).
 */
function isFlat(record: Record<string, unknown>, keys: readonly string[]): boolean {
  for (const key of keys) {
    const item = record[key];
    if (item !== null && typeof item === 'object') {
      if (!Array.isArray(item)) return false;
      for (const element of item) if (element !== null && typeof element === 'object') return false;
    }
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
    // A flat record (no nested objects) is serialized natively, in key order, with `omit` left out.
    if (isFlat(record, keys)) return JSON.stringify(record, keys);
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
