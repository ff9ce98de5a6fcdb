import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { interpret } from '../explain';
import type { CustomerFacts } from '../facts';
import { RULE_VERSION, type GroupNode, type RuleDocument, type RuleNode } from '../rule.types';
import { validateRule } from '../validate/validate-rule';
import { SHAPE_OF } from './codegen';
import { compileRule } from './compile-rule';
import { NOW } from './verdicts.testing';

/** Strings that would break out of a string literal, a template, a comment or a line if spliced into code. */
const HOSTILE = [
  "'",
  '"',
  '`',
  '\\',
  '${globalThis.pwned = 1}',
  '*/ globalThis.pwned = 1; /*',
  '// comment',
  'line\nbreak',
  'line\u2028separator',
  'para\u2029graph',
  '"); process.exit(1); ("',
  "'); process.exit(1); ('",
  '`); process.exit(1); (`',
  "x'); globalThis.pwned = 1; ('",
  '</script><script>alert(1)</script>',
  '__proto__',
  'constructor',
  'toString',
];

/** Hostile strings that can be path segments (no dots, quotes, brackets or control characters). */
const segmentSafe = (s: string) =>
  s
    .split('.')
    .every(
      (part) =>
        part.length >= 1 &&
        part.length <= 100 &&
        !part.startsWith('$') &&
        !/["[\]]/.test(part) &&
        ![...part].some((ch) => ch < ' '),
    );

/** A rule that puts `s` everywhere a rule can hold a string: values, lists, paths, names, salts, patterns, ids. */
function hostileRule(
  s: string,
  pattern: string,
  path = segmentSafe(s) ? s : 'plain',
): RuleDocument {
  const long = Array.from({ length: 12 }, (_, i) => `${s}${i}`);
  const leaves: RuleNode[] = [
    { id: `${s}:1`, kind: 'trait', path: `traits.${path}`, type: 'string', op: 'eq', value: s },
    {
      id: `${s}:2`,
      kind: 'trait',
      path: `traits.${path}`,
      type: 'string',
      op: 'in',
      values: [s, `${s}!`],
    },
    {
      id: `${s}:3`,
      kind: 'trait',
      path: `traits.${path}`,
      type: 'string',
      op: 'notIn',
      values: long,
    },
    {
      id: `${s}:4`,
      kind: 'trait',
      path: `traits.${path}`,
      type: 'string',
      op: 'contains',
      value: s,
    },
    {
      id: `${s}:5`,
      kind: 'trait',
      path: `traits.${path}`,
      type: 'string',
      op: 'startsWith',
      value: s,
    },
    { id: `${s}:6`, kind: 'trait', path: `traits.${path}`, type: 'string', op: 'matches', pattern },
    {
      id: `${s}:7`,
      kind: 'trait',
      path: `traits.${path}.${path}`,
      type: 'stringList',
      op: 'contains',
      value: s,
    },
    {
      id: `${s}:8`,
      kind: 'event',
      event: s,
      where: { id: `${s}:9`, kind: 'property', path, type: 'string', op: 'endsWith', value: s },
      measure: {
        type: 'sum',
        property: path,
        window: { type: 'ever' },
        compare: { op: 'gte', value: 0 },
      },
    },
    { id: `${s}:10`, kind: 'score', model: s, measure: { type: 'hasScore' } },
    { id: `${s}:11`, kind: 'not', child: { kind: 'segment', segmentId: s } },
    { id: `${s}:12`, kind: 'randomBucket', salt: s, from: 0, to: 10_000 },
  ];
  return { version: RULE_VERSION, root: { id: s, kind: 'all', children: leaves } };
}

/** A customer for whom the hostile rule holds. */
function hostileCustomer(s: string): CustomerFacts {
  const path = segmentSafe(s) ? s : 'plain';
  return {
    id: s,
    traits: nest(path, s),
    events: [{ name: s, occurredAt: NOW - 1, properties: nest(path, `x${s}`) }],
    scores: JSON.parse(JSON.stringify({ [s]: { history: [{ at: NOW - 1, value: 1 }] } })),
    segments: [`${s}?`],
  };
}

/** `{ a: { b: value } }` for the path "a.b", with own "__proto__" keys where the path has them (as JSON.parse makes). */
function nest(path: string, value: unknown): Record<string, unknown> {
  const json = path
    .split('.')
    .reduceRight((inner, key) => `{${JSON.stringify(key)}: ${inner}}`, JSON.stringify(value));
  return JSON.parse(json) as Record<string, unknown>;
}

/** The generated source without the fixed shape helper (which reads `v.__proto__` by design). */
const generatedPart = (source: string) => source.replace(SHAPE_OF, '');

/** The only string literals generated code has: fixed type names, the directive and the default zone. */
const FIXED_LITERALS = new Set([
  "'use strict'",
  "'object'",
  "'string'",
  "'number'",
  "'boolean'",
  "'UTC'",
  "''",
]);

/** Asserts that a source is made of identifiers, numbers, operators and the fixed literals only. */
function expectCodeOnly(source: string): void {
  expect(source).toMatch(/^[A-Za-z0-9_\s(){}[\];,.!=<>&|?:+\-/']*$/);
  expect(
    [...new Set(source.match(/'[^'\n]*'/g))].filter((literal) => !FIXED_LITERALS.has(literal)),
  ).toEqual([]);
}

const globals = () => Object.getOwnPropertyNames(globalThis).sort();

describe('compileRule: hostile strings', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it.each(HOSTILE)('keeps %j out of the source and evaluates it as data', (s) => {
    const before = globals();
    const processLike = (globalThis as { process?: { exit: (code?: number) => never } }).process;
    const exit = processLike
      ? vi.spyOn(processLike, 'exit').mockImplementation(() => undefined as never)
      : undefined;
    const pattern =
      s === '"); process.exit(1); ("' ? '"\\); process\\.exit\\(1\\); \\("' : '[\'"`]';
    const validated = validateRule(hostileRule(s, pattern));
    expect(validated.ok ? [] : validated.problems).toEqual([]);
    if (!validated.ok) return;

    const compiled = compileRule(validated.rule);
    expectCodeOnly(compiled.source);
    const code = generatedPart(compiled.source);
    if (s.length > 1) expect(code.includes(s)).toBe(false);
    for (const fragment of [
      '"',
      '`',
      '${',
      '*/',
      '\u2028',
      '\u2029',
      'process',
      'pwned',
      'script',
      '__proto__',
      'toString',
    ]) {
      expect(code.includes(fragment), `the source contains ${JSON.stringify(fragment)}`).toBe(
        false,
      );
    }

    const facts = hostileCustomer(s);
    for (const options of [{ now: NOW }, { now: NOW, timeZone: 'Asia/Kolkata' }]) {
      const expected = interpret(validated.rule, facts, options);
      expect(compiled.evaluate(facts, options)).toBe(expected);
      expect(compiled.evaluate(facts, { now: NOW - 2 })).toBe(
        interpret(validated.rule, facts, { now: NOW - 2 }),
      );
      expect(compiled.evaluate({ id: s, traits: {}, events: [] }, options)).toBe(false);
    }
    expect(globals()).toEqual(before);
    expect((globalThis as { pwned?: unknown }).pwned).toBeUndefined();
    expect(exit?.mock.calls ?? []).toEqual([]);
  });

  it('holds for the hostile customer (the literals arrive intact)', () => {
    for (const s of HOSTILE.filter((h) => h !== '"); process.exit(1); ("')) {
      const validated = validateRule(hostileRule(s, '.'));
      if (!validated.ok) throw new Error(JSON.stringify(validated.problems));
      const root = validated.rule.root as GroupNode;
      // The list test (`contains` on a string list at path.path) does not hold for this customer.
      const holding = {
        ...validated.rule,
        root: {
          ...root,
          children: root.children.filter((c) => !['7'].includes(String(c.id).split(':').pop()!)),
        },
      };
      expect(compileRule(holding).evaluate(hostileCustomer(s), { now: NOW })).toBe(true);
      expect(interpret(holding, hostileCustomer(s), { now: NOW })).toBe(true);
    }
  });

  it('generates the same source whatever the strings are (random strings)', () => {
    const text = fc.oneof(
      fc.string({ minLength: 1, maxLength: 30, unit: 'binary' }),
      fc.string({ minLength: 1, maxLength: 30, unit: 'grapheme' }),
      fc.constantFrom(...HOSTILE),
    );
    fc.assert(
      fc.property(text, (s) => {
        const path = segmentSafe(s) ? s : 'plain';
        const validated = validateRule(hostileRule(s, 'x', path));
        // Text in a rule cannot hold NUL (neither database stores it): the validator says so.
        if (s.includes('\u0000')) {
          expect(validated.ok).toBe(false);
          if (!validated.ok)
            expect(new Set(validated.problems.map((p) => p.code))).toEqual(
              new Set(['RULE_BAD_VALUE']),
            );
          return;
        }
        expect(validated.ok).toBe(true);
        if (!validated.ok) return;
        const compiled = compileRule(validated.rule);
        expectCodeOnly(compiled.source);
        // The same rule with every string replaced by letters (same path structure) compiles to the same code.
        const neutral = compileRule(
          hostileRule(s.replace(/[^.]/gu, 'a'), 'x', path.replace(/[^.]/gu, 'a')),
        ).source;
        expect(compiled.source).toBe(neutral);
        const facts = hostileCustomer(s);
        expect(compiled.evaluate(facts, { now: NOW })).toBe(
          interpret(validated.rule, facts, { now: NOW }),
        );
      }),
      { numRuns: 300 },
    );
  });
});
