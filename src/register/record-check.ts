// A faster first look at records the register receives: the record schemas (zod mini) compiled
// once into plain checks that accept a record only where zod accepts it, and give back what zod
// gives back (a new object with the schema's keys in the schema's order, unknown keys left out,
// arrays copied). Anything they cannot decide — a record that fails, a string whose length
// needs counting in code points, a refinement that says no — is left to zod itself, so a
// rejected record gets zod's own message. A schema that uses any part of zod not handled here
// compiles to nothing and the register keeps validating with zod alone.
//
// Zod mini parses field by field through generic payloads (no JIT, unlike classic zod); this is
// about five times faster on the register's hot path, where nearly every record is valid.

/** What a compiled check returns when it cannot vouch for a value: zod decides. */
const UNDECIDED: unique symbol = Symbol('undecided');
type Fast = (value: unknown) => unknown;

/** The parts of a zod (v4 core) schema or check this reads. */
interface Internals {
  def: Record<string, unknown> & { type?: string; checks?: unknown[] };
  traits: ReadonlySet<string>;
  values?: ReadonlySet<unknown>;
  optin?: unknown;
  optout?: unknown;
}

class Unsupported extends Error {}

function internals(schema: unknown): Internals {
  const zod = (schema as { _zod?: Internals } | null)?._zod;
  if (!zod || typeof zod.def !== 'object' || !(zod.traits instanceof Set)) throw new Unsupported('not zod');
  return zod;
}

const HIGH_SURROGATE = /[\uD800-\uDBFF]/;

/** A refinement or other check on a value that has passed its type. */
type Check = (value: unknown) => boolean;

/** Length limits from min_length/max_length checks: all of them hold where the tightest do. */
interface Limits {
  min: number;
  max: number;
}

/** Takes a min_length or max_length check into `limits`; false for any other check. */
function lengthLimit(check: Internals, limits: Limits): boolean {
  const { def, traits } = check;
  if (def.check === 'min_length' && traits.has('$ZodCheckMinLength') && typeof def.minimum === 'number') {
    limits.min = Math.max(limits.min, def.minimum);
    return true;
  }
  if (def.check === 'max_length' && traits.has('$ZodCheckMaxLength') && typeof def.maximum === 'number') {
    limits.max = Math.min(limits.max, def.maximum);
    return true;
  }
  return false;
}

/** A refinement (z.refine): passes when its function says yes synchronously. */
function refineCheck(check: Internals): Check {
  const { def, traits } = check;
  if (
    def.check !== 'custom' ||
    def.type !== 'custom' ||
    !traits.has('$ZodCustom') ||
    typeof def.fn !== 'function' ||
    def.when !== undefined
  )
    throw new Unsupported('custom check');
  const fn = def.fn as (value: unknown) => unknown;
  return (value) => {
    const result = fn(value);
    return !(result instanceof Promise) && Boolean(result);
  };
}

const checksOf = (zod: Internals): Internals[] => (zod.def.checks ?? []).map(internals);

const passes = (checks: readonly Check[], value: unknown): boolean => {
  for (const check of checks) if (!check(value)) return false;
  return true;
};

function noChecks(zod: Internals): void {
  if (zod.def.checks?.length) throw new Unsupported(`checks on ${zod.def.type}`);
}

/**
 * zod's string lengths count code points, which are never more than the UTF-16 units and never
 * fewer than half of them: a string passes here only where that settles it (all strings the
 * kiosks write), others go to zod.
 */
function compileString(zod: Internals): Fast {
  const { def, traits } = zod;
  if (def.coerce) throw new Unsupported('coerced string');
  const patterns: RegExp[] = [];
  if (traits.has('$ZodCheck')) {
    // A string format that is a pattern and nothing else.
    if (def.format !== 'datetime' || !traits.has('$ZodISODateTime') || !(def.pattern instanceof RegExp))
      throw new Unsupported(`string format ${String(def.format)}`);
    patterns.push(def.pattern);
  }
  const limits: Limits = { min: 0, max: Number.POSITIVE_INFINITY };
  const refines: Check[] = [];
  for (const check of checksOf(zod)) {
    if (lengthLimit(check, limits)) continue;
    if (check.def.check === 'custom') refines.push(refineCheck(check));
    else if (
      check.def.check === 'string_format' &&
      check.def.format === 'regex' &&
      check.traits.has('$ZodCheckRegex') &&
      check.def.pattern instanceof RegExp
    )
      patterns.push(check.def.pattern);
    else throw new Unsupported(`string check ${String(check.def.check)} ${String(check.def.format)}`);
  }
  const { min, max } = limits;
  return (value) => {
    if (typeof value !== 'string') return UNDECIDED;
    const units = value.length;
    if (units > max || units < min) return UNDECIDED;
    if (units < min * 2 && HIGH_SURROGATE.test(value)) return UNDECIDED;
    for (const pattern of patterns) {
      pattern.lastIndex = 0;
      if (!pattern.test(value)) return UNDECIDED;
    }
    return refines.length === 0 || passes(refines, value) ? value : UNDECIDED;
  };
}

function compileNumber(zod: Internals): Fast {
  const { def, traits } = zod;
  if (def.coerce) throw new Unsupported('coerced number');
  let safeInt = false;
  if (traits.has('$ZodCheck')) {
    if (def.format !== 'safeint' || !traits.has('$ZodCheckNumberFormat'))
      throw new Unsupported(`number format ${String(def.format)}`);
    safeInt = true;
  }
  // The tightest bounds of each kind: the value is finite, so the infinite defaults always hold.
  let atLeast = Number.NEGATIVE_INFINITY;
  let above = Number.NEGATIVE_INFINITY;
  let atMost = Number.POSITIVE_INFINITY;
  let below = Number.POSITIVE_INFINITY;
  const refines: Check[] = [];
  for (const check of checksOf(zod)) {
    const { def: c, traits: t } = check;
    if (c.check === 'custom') {
      refines.push(refineCheck(check));
      continue;
    }
    if (typeof c.value !== 'number' || typeof c.inclusive !== 'boolean')
      throw new Unsupported(`number check ${String(c.check)}`);
    if (c.check === 'greater_than' && t.has('$ZodCheckGreaterThan')) {
      if (c.inclusive) atLeast = Math.max(atLeast, c.value);
      else above = Math.max(above, c.value);
    } else if (c.check === 'less_than' && t.has('$ZodCheckLessThan')) {
      if (c.inclusive) atMost = Math.min(atMost, c.value);
      else below = Math.min(below, c.value);
    } else throw new Unsupported(`number check ${String(c.check)}`);
  }
  return (value) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) return UNDECIDED;
    if (safeInt && !Number.isSafeInteger(value)) return UNDECIDED;
    if (!(value >= atLeast && value > above && value <= atMost && value < below)) return UNDECIDED;
    return refines.length === 0 || passes(refines, value) ? value : UNDECIDED;
  };
}

/** Literals, enums and unions of them: the value itself when it is one of the set. */
function valueSet(zod: Internals): ReadonlySet<unknown> {
  const { def, traits } = zod;
  noChecks(zod);
  if (
    (def.type === 'literal' && traits.has('$ZodLiteral')) ||
    (def.type === 'enum' && traits.has('$ZodEnum'))
  ) {
    // A set that holds undefined would pass a missing key, which zod's object refuses.
    if (!(zod.values instanceof Set) || zod.values.has(undefined)) throw new Unsupported('values');
    return zod.values;
  }
  if (
    def.type === 'union' &&
    traits.has('$ZodUnion') &&
    !traits.has('$ZodDiscriminatedUnion') &&
    !traits.has('$ZodXor') &&
    def.inclusive === undefined &&
    Array.isArray(def.options)
  ) {
    const all = new Set<unknown>();
    for (const option of def.options) for (const value of valueSet(internals(option))) all.add(value);
    return all;
  }
  throw new Unsupported(`values of ${def.type}`);
}

function compileArray(zod: Internals): Fast {
  const element = compile(zod.def.element);
  const limits: Limits = { min: 0, max: Number.POSITIVE_INFINITY };
  const refines: Check[] = [];
  for (const check of checksOf(zod)) if (!lengthLimit(check, limits)) refines.push(refineCheck(check));
  const { min, max } = limits;
  return (value) => {
    if (!Array.isArray(value) || value.length > max || value.length < min) return UNDECIDED;
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      const item = element(value[i]);
      if (item === UNDECIDED) return UNDECIDED;
      out[i] = item;
    }
    return refines.length === 0 || passes(refines, out) ? out : UNDECIDED;
  };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function compileObject(zod: Internals): Fast {
  const { def } = zod;
  if (def.catchall !== undefined) throw new Unsupported('catchall');
  const shape = def.shape as Record<string, unknown>;
  if (!shape || Object.getOwnPropertySymbols(shape).length) throw new Unsupported('shape');
  const keys = Object.keys(shape);
  const fields = keys.map((key) => {
    if (key === '__proto__') throw new Unsupported('__proto__');
    const field = internals(shape[key]);
    // Every field required: a value that passes is never undefined, so it is present.
    if (field.optin !== undefined || field.optout !== undefined) throw new Unsupported('optional');
    return compile(shape[key]);
  });
  const refines = checksOf(zod).map(refineCheck);
  const count = keys.length;
  return (value) => {
    if (!isObject(value)) return UNDECIDED;
    const out: Record<string, unknown> = {};
    for (let i = 0; i < count; i++) {
      const key = keys[i] as string;
      const item = (fields[i] as Fast)(value[key]);
      if (item === UNDECIDED) return UNDECIDED;
      out[key] = item;
    }
    return refines.length === 0 || passes(refines, out) ? out : UNDECIDED;
  };
}

function compileDiscriminatedUnion(zod: Internals): Fast {
  const { def } = zod;
  noChecks(zod);
  const discriminator = def.discriminator;
  if (typeof discriminator !== 'string' || def.unionFallback || !Array.isArray(def.options))
    throw new Unsupported('discriminated union');
  const byValue = new Map<unknown, Fast>();
  for (const option of def.options) {
    const shape = internals(option).def.shape as Record<string, unknown> | undefined;
    if (!shape || !Object.hasOwn(shape, discriminator)) throw new Unsupported('option');
    const tag = internals(shape[discriminator]);
    if (tag.def.type !== 'literal') throw new Unsupported('discriminator');
    const parse = compile(option);
    for (const value of valueSet(tag)) {
      if (byValue.has(value)) throw new Unsupported('ambiguous discriminator');
      byValue.set(value, parse);
    }
  }
  return (value) => {
    if (!isObject(value)) return UNDECIDED;
    const parse = byValue.get(value[discriminator]);
    return parse ? parse(value) : UNDECIDED;
  };
}

/** A literal, an enum or a union of them: one of a set of values. */
function compileOneOf(zod: Internals): Fast {
  const values = valueSet(zod);
  return (value) => (values.has(value) ? value : UNDECIDED);
}

function compile(schema: unknown): Fast {
  const zod = internals(schema);
  const { def, traits } = zod;
  switch (def.type) {
    case 'string':
      if (traits.has('$ZodString')) return compileString(zod);
      break;
    case 'number':
      if (traits.has('$ZodNumber')) return compileNumber(zod);
      break;
    case 'boolean':
      if (traits.has('$ZodBoolean') && !def.coerce) {
        noChecks(zod);
        return (value) => (typeof value === 'boolean' ? value : UNDECIDED);
      }
      break;
    case 'literal':
    case 'enum':
      return compileOneOf(zod);
    case 'union':
      // Any other union the fast path takes is a union of literals: a set of values.
      return traits.has('$ZodDiscriminatedUnion') ? compileDiscriminatedUnion(zod) : compileOneOf(zod);
    case 'nullable':
      if (traits.has('$ZodNullable')) {
        noChecks(zod);
        const inner = compile(def.innerType);
        return (value) => (value === null ? null : inner(value));
      }
      break;
    case 'array':
      if (traits.has('$ZodArray')) return compileArray(zod);
      break;
    case 'object':
      if (traits.has('$ZodObject')) return compileObject(zod);
      break;
  }
  throw new Unsupported(`type ${String(def.type)}`);
}

/**
 * The schema compiled: a function that returns what `schema.safeParse(value)` would return as
 * its data, or undefined where zod has to decide (an invalid value, or a case not handled
 * here); null when the schema uses something this does not compile.
 */
export function compileRecordCheck<T>(schema: unknown): ((value: unknown) => T | undefined) | null {
  let fast: Fast;
  try {
    fast = compile(schema);
  } catch {
    return null; // Unsupported, or zod's insides not as expected: zod alone it is
  }
  return (value) => {
    let result: unknown;
    try {
      result = fast(value);
    } catch {
      return undefined; // a refinement threw: zod runs it again and reports it its own way
    }
    return result === UNDECIDED ? undefined : (result as T);
  };
}
