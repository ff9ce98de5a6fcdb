import { describe, expect, it } from 'vitest';
import { PersonalValues, scrubExamples } from './catalog-scrub';

function valuesOf(...items: unknown[]): PersonalValues {
  const values = new PersonalValues();
  values.add(items);
  return values;
}

describe('PersonalValues', () => {
  it('collects every scalar leaf of nested objects and lists', () => {
    const values = valuesOf({ a: { b: ['deep@example.org', { c: 'Ada' }] }, n: 1815 });
    expect(values.has('deep@example.org')).toBe(true);
    expect(values.has('Ada')).toBe(true);
    expect(values.has(1815)).toBe(true);
    expect(values.has('Bob')).toBe(false);
  });

  it('compares text without case or surrounding space, and phones by their digits', () => {
    const values = valuesOf('ada@example.org', '+447700900123');
    expect(values.has(' Ada@Example.ORG ')).toBe(true);
    expect(values.has('+44 7700 900123')).toBe(true);
    expect(values.has('(44) 7700-900.123')).toBe(true);
    expect(values.has('+447700900124')).toBe(false);
  });

  it('ignores booleans, null and empty text, which identify no one', () => {
    const values = valuesOf(true, null, '', '  ');
    expect(values.size).toBe(0);
    expect(values.has(true)).toBe(false);
    expect(values.has('')).toBe(false);
  });
});

describe('scrubExamples', () => {
  const values = valuesOf('ada@example.org', 'pro');

  it("removes the person's values and keeps the others in order", () => {
    expect(scrubExamples(['bob@example.net', 'ADA@example.org', 'free', 'pro'], values)).toEqual([
      'bob@example.net',
      'free',
    ]);
  });

  it('reports no change when nothing is the person’s', () => {
    expect(scrubExamples(['bob@example.net', true, 3], values)).toBeUndefined();
    expect(scrubExamples('not a list', values)).toBeUndefined();
  });
});
