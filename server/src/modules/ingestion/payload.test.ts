import { describe, expect, it } from 'vitest';
import { mergeTraits, sameJson, validatePayload } from './payload';

describe('payload validation', () => {
  it('accepts a plain object and rejects anything else', () => {
    expect(validatePayload({ plan: 'pro', n: 1 }, ['t'], 'Traits')).toEqual([]);
    expect(validatePayload([1], ['p'], 'Properties')[0]).toMatchObject({
      code: 'BAD_USER_INPUT',
      path: ['p'],
    });
    expect(validatePayload(null, ['p'], 'Properties')[0]?.message).toMatch(/JSON object/);
  });

  it('reports every bad key with its nested path', () => {
    const problems = validatePayload(
      { ok: 1, 'a.b': 1, nested: { $x: 1, '': 2, list: [{ 'c.d': 1 }] } },
      ['t'],
      'Traits',
    );
    expect(problems.map((p) => p.path)).toEqual([
      ['t', 'a.b'],
      ['t', 'nested', '$x'],
      ['t', 'nested', ''],
      ['t', 'nested', 'list', 0, 'c.d'],
    ]);
  });

  it('limits depth and size', () => {
    let deep: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < 10; i++) deep = { d: deep };
    expect(validatePayload(deep, ['t'], 'Traits').some((p) => /levels deep/.test(p.message))).toBe(
      true,
    );
    expect(validatePayload({ blob: 'x'.repeat(40_000) }, ['t'], 'Properties')[0]?.message).toMatch(
      /at most 32768/,
    );
  });

  it('merges key by key, removes nulls and replaces nested objects whole', () => {
    expect(mergeTraits({ a: 1, b: { x: 1, y: 2 }, c: 3 }, { b: { x: 5 }, c: null, d: 4 })).toEqual({
      a: 1,
      b: { x: 5 },
      d: 4,
    });
  });

  it('keeps keys such as __proto__ as plain traits', () => {
    const merged = mergeTraits(
      JSON.parse('{"__proto__": {"a": 1}}') as Record<string, unknown>,
      JSON.parse('{"constructor": 2}') as Record<string, unknown>,
    );
    expect(Object.keys(merged)).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect(merged['__proto__']).toEqual({ a: 1 });
  });

  it('compares JSON structurally', () => {
    expect(sameJson({ a: [1, { b: 2 }], c: null }, { c: null, a: [1, { b: 2 }] })).toBe(true);
    expect(sameJson({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(sameJson({ a: [] }, { a: {} })).toBe(false);
    expect(sameJson({ a: 1 }, { a: 1, b: undefined })).toBe(false);
  });
});
