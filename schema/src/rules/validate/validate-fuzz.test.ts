import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRule } from '../compile/compile-rule';
import { interpret } from '../explain';
import { FILTER_NODE_KINDS, RULE_NODE_KINDS, RULE_VERSION } from '../rule.types';
import { PREDICATE_FIELDS } from './read-predicate';
import { arbEvaluationCase, arbRuleDocument, RULE_POOLS } from '../testing/arbitraries';
import type { RuleCatalog } from './catalog';
import { RULE_PROBLEM_CODES, type RuleProblem } from './problems';
import { validateRule, type ValidateRuleOptions } from './validate-rule';

const env = (name: string): string | undefined =>
  (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[name];
const RUNS = Number(env('RULE_FUZZ_RUNS') ?? 10_000) || 10_000;

type Json = unknown;
const KINDS = [...new Set([...RULE_NODE_KINDS, ...FILTER_NODE_KINDS])];
const FIELDS = [
  'kind',
  'id',
  'path',
  'type',
  'op',
  'value',
  'values',
  'child',
  'children',
  'event',
  'where',
  'measure',
  'model',
  'segmentId',
  'channel',
  'salt',
  'from',
  'to',
  'min',
  'max',
  'pattern',
  'ignoreCase',
  'duration',
  'days',
  'window',
  'compare',
  'property',
  'amount',
  'unit',
  'version',
  'root',
];
/** Values that are not JSON but reach the validator from careless callers. */
const ODD_VALUES: Json[] = [
  Number.NaN,
  Infinity,
  -Infinity,
  -0,
  undefined,
  null,
  '',
  [],
  {},
  1.5,
  -1,
  1e21,
  'x'.repeat(1001),
  '2026-02-30',
  'traits.',
  'traits.a..b',
  '$x',
  '__proto__',
];

const own = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);
const define = (o: object, key: string, value: Json) =>
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });

/** Every [container, key] slot of a JSON tree, depth first. */
function slots(root: Json): Array<[Record<string, Json> | Json[], string | number]> {
  const out: Array<[Record<string, Json> | Json[], string | number]> = [];
  const walk = (v: Json): void => {
    if (Array.isArray(v)) {
      v.forEach((x, i) => {
        out.push([v, i]);
        walk(x);
      });
    } else if (v !== null && typeof v === 'object') {
      for (const k of Object.keys(v)) {
        out.push([v as Record<string, Json>, k]);
        walk((v as Record<string, Json>)[k]);
      }
    }
  };
  walk(root);
  return out;
}
const nodesOf = (root: Json) =>
  slots(root)
    .map(([c, k]) => (c as Record<string, Json>)[k as string])
    .filter(
      (v): v is Record<string, Json> =>
        v !== null && typeof v === 'object' && !Array.isArray(v) && own(v, 'kind'),
    );

const CHEAP = [
  'drop',
  'retype',
  'odd',
  'rekind',
  'reop',
  'repattern',
  'unknownField',
  'duplicateId',
  'longString',
] as const;
const OPS = Object.keys(PREDICATE_FIELDS);
const PATTERNS = [
  '(a+)+',
  '(a|aa)*',
  '[',
  '(',
  'a{2000}',
  '(?=a)',
  '(?<n>a)',
  '\\1',
  '\\p{L}',
  '[[:alpha:]]',
  'x'.repeat(201),
  '^ok$',
];
const DEEP = ['deepNot', 'deepAny', 'deepWhere'] as const;
const HUGE = ['hugeList', 'manyNodes'] as const;
type Mutation = [
  (typeof CHEAP)[number] | (typeof DEEP)[number] | (typeof HUGE)[number],
  number,
  Json,
  string,
];
/** Mostly small edits; deep nesting now and then; huge lists and trees rarely (they cost milliseconds each). */
const arbMutationKind = fc.oneof(
  { weight: 40, arbitrary: fc.constantFrom(...CHEAP) },
  { weight: 6, arbitrary: fc.constantFrom(...DEEP) },
  { weight: 1, arbitrary: fc.constantFrom(...HUGE) },
);

/** Applies one mutation to a (copied) valid rule document. */
function mutate(doc: Record<string, Json>, [how, at, value, word]: Mutation): void {
  const all = slots(doc);
  if (all.length === 0) return;
  const [container, key] = all[at % all.length]!;
  const nodes = nodesOf(doc);
  const node = nodes[at % Math.max(nodes.length, 1)];
  const wrap = (depth: number, make: (inner: Json) => Json) => {
    let inner: Json = doc['root'];
    for (let i = 0; i < depth; i++) inner = make(inner);
    doc['root'] = inner;
  };
  switch (how) {
    case 'drop':
      if (Array.isArray(container)) container.splice(key as number, 1);
      else delete container[key];
      return;
    case 'retype':
      (container as Record<string | number, Json>)[key] = value;
      return;
    case 'odd':
      (container as Record<string | number, Json>)[key] = ODD_VALUES[at % ODD_VALUES.length];
      return;
    case 'rekind':
      if (node)
        node['kind'] = [...KINDS, word, 'Trait', '', 'constructor'][at % (KINDS.length + 4)];
      return;
    case 'reop':
      if (node) node['op'] = OPS[at % OPS.length];
      return;
    case 'repattern':
      if (node)
        Object.assign(node, {
          kind: 'trait',
          path: 'traits.plan',
          type: 'string',
          op: 'matches',
          pattern: PATTERNS[at % PATTERNS.length],
        });
      return;
    case 'unknownField':
      if (node)
        define(
          node,
          [word, 'vaule', '__proto__', 'Kind', ...FIELDS][at % (FIELDS.length + 4)]!,
          value,
        );
      return;
    case 'duplicateId':
      for (const n of nodes.slice(0, 2)) n['id'] = 'same';
      return;
    case 'deepNot':
      return wrap(1 + (at % 100), (child) => ({ kind: 'not', child }));
    case 'deepAny':
      return wrap(1 + (at % 100), (inner) => ({ kind: 'any', children: [inner] }));
    case 'deepWhere': {
      let where: Json = { kind: 'property', path: 'plan', type: 'string', op: 'exists' };
      for (let i = 0; i < at % 100; i++) where = { kind: 'not', child: where };
      doc['root'] = {
        kind: 'event',
        event: 'e',
        where,
        measure: { type: 'count', window: { type: 'ever' }, compare: { op: 'gte', value: 1 } },
      };
      return;
    }
    case 'hugeList': {
      const length = [10_000, 10_001, 30_000][at % 3]!;
      const values = Array.from({ length }, (_, i) => (i === 7 ? value : `v${i}`));
      doc['root'] = {
        kind: 'all',
        children: [
          doc['root'],
          { kind: 'trait', path: 'traits.country', type: 'string', op: 'in', values },
        ],
      };
      return;
    }
    case 'manyNodes':
      doc['root'] = {
        kind: 'any',
        children: Array.from({ length: 1990 + (at % 20) }, () => ({
          kind: 'segment',
          segmentId: 's',
        })),
      };
      return;
    case 'longString':
      if (node)
        node[Object.keys(node)[at % Object.keys(node).length]!] = word.repeat(1 + (at % 1200));
      return;
  }
}

const arbMutated = fc
  .tuple(
    arbRuleDocument({ maxDepth: 3 }),
    fc.array(
      fc.tuple(
        arbMutationKind,
        fc.nat(),
        fc.jsonValue({ maxDepth: 2 }),
        fc.string({ maxLength: 6 }),
      ),
      { minLength: 1, maxLength: 3 },
    ),
  )
  .map(([doc, mutations]) => {
    const json = JSON.parse(JSON.stringify(doc)) as Record<string, Json>;
    for (const m of mutations) mutate(json, m);
    return json as Json;
  });

/** Objects that look like nodes: known field names with random JSON values. */
const arbNodeLike = fc.record({
  version: fc.constantFrom<Json>(RULE_VERSION, 2, '1', null),
  root: fc.dictionary(
    fc.constantFrom(...FIELDS),
    fc.oneof(fc.constantFrom(...KINDS), fc.jsonValue({ maxDepth: 3 })),
  ),
});

const arbInput: fc.Arbitrary<Json> = fc.oneof(
  { weight: 2, arbitrary: fc.jsonValue() },
  { weight: 2, arbitrary: arbNodeLike },
  { weight: 2, arbitrary: arbRuleDocument({ maxDepth: 4 }) },
  { weight: 10, arbitrary: arbMutated },
);

/** A catalog that knows most pooled names (not "traits.tags", not "sentAt", not "page_view"). */
const CATALOG: RuleCatalog = {
  traits: Object.fromEntries(
    Object.entries(RULE_POOLS.traits).filter(
      ([path]) => path.startsWith('traits.') && path !== 'traits.tags',
    ),
  ),
  events: Object.fromEntries(
    RULE_POOLS.events
      .filter((name) => name !== 'page_view')
      .map((name) => [
        name,
        {
          properties: Object.fromEntries(
            Object.entries(RULE_POOLS.properties).filter(([path]) => path !== 'sentAt'),
          ),
        },
      ]),
  ),
  segments: {
    'seg-a': { references: ['seg-b'] },
    'seg-b': { references: [] },
    'seg-c': { references: ['seg-self'] },
  },
  scoreModels: ['lead', 'fit'],
};
const OPTIONS: ValidateRuleOptions[] = [
  {},
  {},
  {},
  { catalog: CATALOG },
  { catalog: CATALOG, segmentId: 'seg-self' },
  { segmentId: 'seg-a' },
];

/** What is wrong with a problem's path, or undefined: it must lead into the input (the last key may be missing for RULE_MISSING_FIELD). */
function pathProblem(input: Json, problem: RuleProblem): string | undefined {
  let current: Json = input;
  for (const [i, segment] of problem.path.entries()) {
    const last = i === problem.path.length - 1;
    if (Array.isArray(current)) {
      if (typeof segment !== 'number' || !Number.isInteger(segment) || segment < 0)
        return `segment ${i} (${String(segment)}) is not an index`;
      if (segment >= current.length && !(last && problem.code === 'RULE_MISSING_FIELD'))
        return `segment ${i} is out of range`;
      current = current[segment];
    } else if (current !== null && typeof current === 'object') {
      if (typeof segment !== 'string') return `segment ${i} (${segment}) is not a key`;
      if (!own(current, segment) && !(last && problem.code === 'RULE_MISSING_FIELD'))
        return `segment ${i} (${segment}) is not in the input`;
      current = (current as Record<string, Json>)[segment];
    } else {
      return `segment ${i} goes into a ${current === null ? 'null' : typeof current}`;
    }
  }
  return undefined;
}

describe('validateRule: names of Object.prototype members', () => {
  const measure = { type: 'count', window: { type: 'ever' }, compare: { op: 'gte', value: 1 } };
  const where = { kind: 'property', path: 'plan', type: 'string', op: 'exists' };

  // Regression: these threw a TypeError (the op and the event were looked up without hasOwnProperty).
  it.each(['constructor', '__proto__', 'toString'])('reports an op named %j as unknown', (op) => {
    const result = validateRule({
      version: 1,
      root: { kind: 'trait', path: 'traits.plan', type: 'string', op },
    });
    expect(result.ok ? [] : result.problems.map((p) => p.code)).toEqual(['RULE_UNKNOWN_OPERATOR']);
  });

  it.each(['constructor', '__proto__', 'toString'])(
    'reports an event named %j as unknown to the catalog',
    (event) => {
      const result = validateRule(
        { version: 1, root: { kind: 'event', event, where, measure } },
        { catalog: { events: {} } },
      );
      expect(result.ok ? [] : result.problems.map((p) => p.code)).toEqual(['RULE_UNKNOWN_EVENT']);
    },
  );

  // Regression: the profile path was looked up without hasOwnProperty (a RULE_TYPE_MISMATCH naming a native function).
  it('reports a profile path named "constructor" as a bad path', () => {
    const result = validateRule({
      version: 1,
      root: { kind: 'trait', path: 'constructor', type: 'string', op: 'exists' },
    });
    expect(
      result.ok ? [] : result.problems.map((p) => [p.code, p.message.includes('native code')]),
    ).toEqual([['RULE_BAD_PATH', false]]);
  });
});

describe('validateRule fuzz', () => {
  const customers = fc
    .sample(arbEvaluationCase(), { numRuns: 8, seed: 7 })
    .map(({ facts, options }) => ({ facts, options }));
  const codes = new Set<string>(RULE_PROBLEM_CODES);

  it(`never throws on ${RUNS} random and mutated inputs; problems are well formed; accepted rules evaluate alike`, () => {
    const seen = new Set<string>();
    let accepted = 0;
    fc.assert(
      fc.property(arbInput, fc.nat(OPTIONS.length - 1), (input, o) => {
        const result = validateRule(input, OPTIONS[o]);
        if (!result.ok) {
          expect(result.problems.length).toBeGreaterThan(0);
          for (const problem of result.problems) {
            seen.add(problem.code);
            expect(codes.has(problem.code), problem.code).toBe(true);
            expect(typeof problem.message === 'string' && problem.message.trim().length > 0).toBe(
              true,
            );
            // Messages talk about the rule, never about JavaScript internals.
            expect(problem.message).not.toMatch(/\[native code\]|\[object Object\]/);
            expect(pathProblem(input, problem), JSON.stringify(problem)).toBeUndefined();
          }
          return;
        }
        accepted++;
        const compiled = compileRule(result.rule);
        for (const { facts, options } of customers)
          expect(compiled.evaluate(facts, options)).toBe(interpret(result.rule, facts, options));
      }),
      { numRuns: RUNS },
    );
    // Not vacuous: a fair share is accepted, and most problem codes come up.
    expect(accepted).toBeGreaterThan(RUNS * 0.05);
    expect(RULE_PROBLEM_CODES.filter((code) => !seen.has(code))).toEqual(
      RUNS >= 5000 ? [] : expect.any(Array),
    );
  }, 120_000);
});
