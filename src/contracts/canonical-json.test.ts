import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.ts';

describe('canonical JSON', () => {
  it('orders keys at every depth and leaves out undefined values', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 1, c: 2 }], u: undefined })).toBe('{"a":[{"c":2,"d":1}],"b":1}');
    expect(canonicalJson({ z: null, y: ['x', 1, null], x: true })).toBe(
      '{"x":true,"y":["x",1,null],"z":null}',
    );
  });

  it('never mixes up objects whose keys share a count and the first and last key', () => {
    expect(canonicalJson({ a: 1, m: 2, z: 3 })).toBe('{"a":1,"m":2,"z":3}');
    expect(canonicalJson({ a: 1, b: 2, z: 3 })).toBe('{"a":1,"b":2,"z":3}');
    expect(canonicalJson({ a: 1, m: 2, z: 3 })).toBe('{"a":1,"m":2,"z":3}');
    expect(canonicalJson({ z: 3, m: 2, a: 1 })).toBe('{"a":1,"m":2,"z":3}');
  });

  it('leaves out the keys asked for, at the top level only', () => {
    const omit = new Set(['synced']);
    expect(canonicalJson({ synced: 1, b: { synced: 2 }, a: 0 }, omit)).toBe('{"a":0,"b":{"synced":2}}');
    expect(canonicalJson({ a: 0, b: 1 }, omit)).toBe('{"a":0,"b":1}');
    expect(canonicalJson({ a: 0, b: 1, synced: 0 }, omit)).toBe('{"a":0,"b":1}');
  });
});
