/**
 * fast-check generators for the JsonLogic properties (tests only; not exported from the package).
 * Rules use trait comparisons that have a JsonLogic form, on a small pool of paths, so that random
 * facts hit the same fields; facts mix values of every JSON shape, missing values and awkward own
 * keys (`constructor`, `0`) so that type guards and path handling are exercised.
 */
import fc from 'fast-check';
import type { CustomerFacts } from '../facts';
import type { RuleDocument, RuleNode, TraitCondition, ValueType } from '../rule.types';
import { TRAIT_FORMS } from './trait-forms';

/** The same fast-check, for suites outside schema/ that do not depend on it. */
export { fc };

/** Trait paths whose JsonLogic `var` reads exactly what the interpreter reads. */
export const SAFE_TRAIT_PATHS = [
  'traits.country',
  'traits.plan',
  'traits.ltv',
  'traits.vip',
  'traits.tags',
  'traits.company.size',
  'traits.company.name',
  'traits.0',
] as const;

/** Paths `var` would resolve through a built-in property or index: never exported. */
export const UNSAFE_TRAIT_PATHS = [
  'traits.constructor',
  'traits.toString',
  'traits.__proto__',
  'traits.country.length',
  'traits.tags.0',
  'traits.company.constructor',
  'traits.tags.length',
] as const;

const STRINGS = [
  'US',
  'CA',
  'U',
  'S',
  'USA',
  'us',
  'a',
  'ab',
  'b',
  '0',
  '5',
  '500',
  'true',
  'null',
  'é',
  '😀',
];
const NUMBERS = [0, -0, 1, 5, 60, 500, 500.5, -3, 1e21, 0.1];
const MIN_LENGTH_STRINGS = STRINGS.filter((s) => s.length > 0);

const string = fc.constantFrom(...STRINGS);
const number = fc.constantFrom(...NUMBERS);
const boolean = fc.boolean();

function scalarOf(type: ValueType): fc.Arbitrary<string | number | boolean> {
  if (type === 'number') return number;
  if (type === 'boolean') return boolean;
  return fc.constantFrom(...MIN_LENGTH_STRINGS);
}

/** A trait comparison with a JsonLogic form, of the given type, on one of `paths`. */
function exportableTrait(
  traitPaths: readonly string[],
  profileFields: boolean,
): fc.Arbitrary<TraitCondition> {
  const types = Object.keys(TRAIT_FORMS) as ValueType[];
  return fc
    .constantFrom(...types)
    .chain((type) =>
      fc.tuple(fc.constant(type), fc.constantFrom(...Object.keys(TRAIT_FORMS[type]))),
    )
    .chain(([type, op]) => {
      const scalar = scalarOf(type);
      const profileField = type === 'date' ? ['createdAt'] : type === 'string' ? ['email'] : [];
      const path = fc.constantFrom(...traitPaths, ...(profileFields ? profileField : []));
      const operands: fc.Arbitrary<object> =
        op === 'in' || op === 'notIn'
          ? fc.record({ values: fc.uniqueArray(scalar, { minLength: 1, maxLength: 3 }) })
          : op === 'between'
            ? fc
                .tuple(number, number)
                .map(([a, b]) => ({ min: Math.min(a, b), max: Math.max(a, b) }))
            : op === 'exists' || op === 'notExists' || op === 'isEmpty'
              ? fc.constant({})
              : fc.record({ value: scalar });
      return fc
        .tuple(path, operands)
        .map(([p, rest]) => ({ kind: 'trait', path: p, type, op, ...rest }) as TraitCondition);
    });
}

/** Leaves JsonLogic cannot express; each carries the id prefix `unsupported`. */
const unsupportedLeaf: fc.Arbitrary<RuleNode> = fc.constantFrom<RuleNode>(
  {
    kind: 'event',
    event: 'email_click',
    measure: { type: 'count', window: { type: 'ever' }, compare: { op: 'gte', value: 2 } },
  },
  { kind: 'score', model: 'lead', measure: { type: 'hasScore' } },
  { kind: 'segment', segmentId: 'vip' },
  { kind: 'consent', channel: 'email' },
  { kind: 'randomBucket', salt: 'ab', from: 0, to: 5000 },
  { kind: 'trait', path: 'traits.country', type: 'string', op: 'matches', pattern: '^U' },
  { kind: 'trait', path: 'traits.signup', type: 'date', op: 'before', value: '2026-01-01' },
  {
    kind: 'trait',
    path: 'traits.plan',
    type: 'string',
    op: 'matches',
    pattern: 'pro$',
    ignoreCase: true,
  },
);

export interface RuleArbitraryOptions {
  /** Also generate trait comparisons on paths JsonLogic cannot read safely. */
  readonly unsafePaths?: boolean;
  /** Also generate nodes with no JsonLogic form (events, scores, regexes...). */
  readonly unsupported?: boolean;
  readonly maxDepth?: number;
}

/**
 * Random rule documents. Nodes that cannot be exported get ids `unsupported-<n>`, the others
 * `n<n>`, so a property can tell which problems to expect.
 */
export function ruleArbitrary(options: RuleArbitraryOptions = {}): fc.Arbitrary<RuleDocument> {
  const safe = exportableTrait(SAFE_TRAIT_PATHS, true).map((n) => ({ ...n, id: 'ok' }));
  const leaves: Array<fc.WeightedArbitrary<RuleNode>> = [{ arbitrary: safe, weight: 6 }];
  if (options.unsafePaths) {
    leaves.push({
      arbitrary: exportableTrait(UNSAFE_TRAIT_PATHS, false).map((n) => ({
        ...n,
        id: 'unsupported',
      })),
      weight: 1,
    });
  }
  if (options.unsupported)
    leaves.push({
      arbitrary: unsupportedLeaf.map((n) => ({ ...n, id: 'unsupported' })),
      weight: 1,
    });
  const leaf = fc.oneof(...leaves);
  const { node } = fc.letrec<{ node: RuleNode }>((tie) => ({
    node: fc.oneof(
      { maxDepth: options.maxDepth ?? 4, depthIdentifier: 'rule' },
      { arbitrary: leaf, weight: 3 },
      {
        arbitrary: fc.record({
          kind: fc.constantFrom('all' as const, 'any' as const),
          id: fc.constant('ok'),
          children: fc.array(tie('node'), { maxLength: 4, depthIdentifier: 'rule' }),
        }),
        weight: 2,
      },
      {
        arbitrary: fc.record({
          kind: fc.constant('not' as const),
          id: fc.constant('ok'),
          child: tie('node'),
        }),
        weight: 1,
      },
    ),
  }));
  return node.map((root) => ({ version: 1, root: numberIds(root, { n: 0 }) }));
}

function numberIds(node: RuleNode, counter: { n: number }): RuleNode {
  const id = `${node.id === 'unsupported' ? 'unsupported-' : 'n'}${counter.n++}`;
  if (node.kind === 'all' || node.kind === 'any')
    return { ...node, id, children: node.children.map((c) => numberIds(c, counter)) };
  if (node.kind === 'not') return { ...node, id, child: numberIds(node.child, counter) };
  return { ...node, id };
}

/** Any value a trait may hold, including the awkward ones. */
export const traitValueArbitrary: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: string, weight: 4 },
  { arbitrary: fc.constantFrom(...NUMBERS, NaN, Infinity, -Infinity), weight: 3 },
  { arbitrary: boolean, weight: 2 },
  { arbitrary: fc.constant(null), weight: 1 },
  { arbitrary: fc.array(string, { maxLength: 3 }), weight: 3 },
  {
    arbitrary: fc.array(fc.oneof(string, number, fc.constant(null), fc.constant([])), {
      maxLength: 3,
    }),
    weight: 1,
  },
  { arbitrary: fc.constant({}), weight: 1 },
);

/** Plain own data properties, even for "__proto__" (spelled `proto__` in generator records). */
const plain = (o: object): Record<string, unknown> =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k === 'proto__' ? '__proto__' : k, v]));

const TRAIT_KEYS = [
  'country',
  'plan',
  'ltv',
  'vip',
  'tags',
  '0',
  'constructor',
  'toString',
  'proto__',
];
const optionalRecord = (keys: readonly string[], value: fc.Arbitrary<unknown>) =>
  fc.record(Object.fromEntries(keys.map((k) => [k, value])), { requiredKeys: [] }).map(plain);

/** Random customer facts over the generators' paths; `company` is sometimes not an object. */
export const factsArbitrary: fc.Arbitrary<CustomerFacts> = fc
  .record(
    {
      traits: fc.tuple(
        optionalRecord(TRAIT_KEYS, traitValueArbitrary),
        fc.option(
          fc.oneof(
            optionalRecord(['size', 'name', 'constructor'], traitValueArbitrary),
            traitValueArbitrary,
          ),
          {
            nil: undefined,
          },
        ),
      ),
      email: fc.oneof(string, fc.constant(null)),
      createdAt: fc.integer({ min: 0, max: 2_000_000_000_000 }),
    },
    { requiredKeys: ['traits'] },
  )
  .map(({ traits: [traits, company], ...rest }) => ({
    id: 'c1',
    events: [],
    ...rest,
    traits: company === undefined ? traits : { ...traits, company },
  }));
