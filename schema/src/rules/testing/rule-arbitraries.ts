/** Generators of valid rules (see `arbitraries.ts`). */
import fc from 'fast-check';
import { OPERATORS_BY_TYPE } from '../operators';
import {
  CHANNELS,
  RULE_VERSION,
  VALUE_TYPES,
  type EventMeasure,
  type EventWindow,
  type FilterNode,
  type NumberComparison,
  type Predicate,
  type RuleDocument,
  type RuleNode,
  type Scalar,
  type ValueType,
} from '../rule.types';
import { parseIsoInstant } from '../time';
import {
  arbEventName,
  DATE_LITERALS,
  pick,
  PROPERTY_PATHS,
  RULE_POOLS,
  TRAIT_PATHS,
  WINDOW_PAIRS,
} from './pools';

const arbDuration = pick(RULE_POOLS.durations);
const arbNonEmptyString = pick(RULE_POOLS.strings.filter((s) => s.length > 0));

function arbScalar(type: ValueType): fc.Arbitrary<Scalar> {
  switch (type) {
    case 'string':
    case 'stringList':
      return pick(RULE_POOLS.strings);
    case 'number':
      return pick(RULE_POOLS.numbers);
    case 'boolean':
      return fc.boolean();
    case 'date':
      return pick(DATE_LITERALS);
  }
}

/** Two literals of the type, in order (dates by instant). */
function arbOrderedPair(type: ValueType): fc.Arbitrary<[Scalar, Scalar]> {
  const key = (x: Scalar) => (type === 'date' ? parseIsoInstant(x as string)! : (x as number));
  return fc
    .tuple(arbScalar(type), arbScalar(type))
    .map(([a, b]) => (key(a) <= key(b) ? [a, b] : [b, a]));
}

function arbList(type: ValueType): fc.Arbitrary<Scalar[]> {
  const element = arbScalar(type);
  // Short lists become === chains, longer ones Sets: generate both.
  return fc.oneof(
    { weight: 4, arbitrary: fc.array(element, { minLength: 1, maxLength: 4 }) },
    { weight: 1, arbitrary: fc.array(element, { minLength: 9, maxLength: 20 }) },
  );
}

/** A predicate valid for the type (operator allowed, operands of the type). */
export function arbPredicate(type: ValueType): fc.Arbitrary<Predicate> {
  return pick(OPERATORS_BY_TYPE[type] as readonly Predicate['op'][]).chain(
    (op): fc.Arbitrary<Predicate> => {
      switch (op) {
        case 'eq':
        case 'neq':
        case 'gt':
        case 'gte':
        case 'lt':
        case 'lte':
          return arbScalar(type).map((value) => ({ op, value }) as Predicate);
        case 'between':
          return arbOrderedPair(type).map(([min, max]) => ({ op, min, max }) as Predicate);
        case 'in':
        case 'notIn':
          return arbList(type).map((values) => ({ op, values }));
        case 'contains':
        case 'notContains':
        case 'startsWith':
        case 'endsWith':
          return arbNonEmptyString.map((value) => ({ op, value }));
        case 'matches':
          return fc
            .record({
              pattern: pick(RULE_POOLS.patterns),
              ignoreCase: fc.option(fc.boolean(), { nil: undefined }),
            })
            .map(({ pattern, ignoreCase }) =>
              ignoreCase === undefined ? { op, pattern } : { op, pattern, ignoreCase },
            );
        case 'exists':
        case 'notExists':
        case 'isEmpty':
          return fc.constant({ op });
        case 'before':
        case 'after':
          return pick(DATE_LITERALS).map((value) => ({ op, value }));
        case 'withinLast':
        case 'notWithinLast':
          return arbDuration.map((duration) => ({ op, duration }));
        case 'anniversaryWithin':
          return pick([0, 1, 7, 30, 365, 366]).map((days) => ({ op, days }));
      }
    },
  );
}

/** Mostly the path's usual type, sometimes another one (the customer's value then mismatches). */
const arbTypeFor = (usual: ValueType, fixed: boolean) =>
  fixed
    ? fc.constant(usual)
    : fc.oneof(
        { weight: 3, arbitrary: fc.constant(usual) },
        { weight: 1, arbitrary: pick(VALUE_TYPES) },
      );

const arbTrait: fc.Arbitrary<RuleNode> = pick(TRAIT_PATHS).chain((path) =>
  arbTypeFor(RULE_POOLS.traits[path]!, path === 'email' || path === 'createdAt').chain((type) =>
    arbPredicate(type).map((p) => ({ kind: 'trait', path, type, ...p }) as RuleNode),
  ),
);

const arbProperty: fc.Arbitrary<FilterNode> = pick(PROPERTY_PATHS).chain((path) =>
  arbTypeFor(RULE_POOLS.properties[path]!, false).chain((type) =>
    arbPredicate(type).map((p) => ({ kind: 'property', path, type, ...p }) as FilterNode),
  ),
);

function arbFilter(depth: number): fc.Arbitrary<FilterNode> {
  if (depth <= 0) return arbProperty;
  const child = arbFilter(depth - 1);
  return fc.oneof(
    { weight: 3, arbitrary: arbProperty },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: pick(['all', 'any'] as const),
        children: fc.array(child, { maxLength: 3 }),
      }),
    },
    { weight: 1, arbitrary: child.map((c): FilterNode => ({ kind: 'not', child: c })) },
  );
}

function arbComparison(values: readonly number[]): fc.Arbitrary<NumberComparison> {
  const value = pick(values);
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc.record({ op: pick(['eq', 'neq', 'gt', 'gte', 'lt', 'lte'] as const), value }),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(value, value).map(([a, b]): NumberComparison => ({
        op: 'between',
        min: Math.min(a, b),
        max: Math.max(a, b),
      })),
    },
  );
}

const arbWindow: fc.Arbitrary<EventWindow> = fc.oneof(
  fc.constant({ type: 'ever' as const }),
  arbDuration.map((duration) => ({ type: 'last' as const, duration })),
  pick(WINDOW_PAIRS).map(([from, to]) => ({ type: 'between' as const, from: from!, to: to! })),
);

const arbMeasure: fc.Arbitrary<EventMeasure> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      type: fc.constant('count' as const),
      window: arbWindow,
      compare: arbComparison([0, 1, 2, 3, 0.5, 1.5, 2.5]),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      type: pick(['sum', 'avg', 'min', 'max'] as const),
      property: pick(['amount', 'amount', 'items.count', 'plan']),
      window: arbWindow,
      compare: arbComparison([0, 2, 10, 30, 50, 60, 100, -1, 0.5, 1.5]),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      type: pick([
        'firstOccurredWithin',
        'firstOccurredBefore',
        'lastOccurredWithin',
        'lastOccurredBefore',
      ] as const),
      duration: arbDuration,
    }),
  },
);

const arbEvent: fc.Arbitrary<RuleNode> = fc
  .record({
    event: arbEventName,
    where: fc.option(arbFilter(2), { nil: undefined }),
    measure: arbMeasure,
  })
  .map(({ event, where, measure }) =>
    where === undefined
      ? { kind: 'event', event, measure }
      : { kind: 'event', event, where, measure },
  );

const arbScore: fc.Arbitrary<RuleNode> = fc.record({
  kind: fc.constant('score' as const),
  model: pick(RULE_POOLS.models),
  measure: fc.oneof(
    fc.constant({ type: 'hasScore' as const }),
    fc.record({
      type: fc.constant('current' as const),
      compare: arbComparison([0, 10, 20, 50, -5, 5]),
    }),
    fc.record({
      type: fc.constant('change' as const),
      duration: arbDuration,
      compare: arbComparison([0, 10, 20, -5, 5]),
    }),
  ),
});

const arbBucketRange: fc.Arbitrary<[number, number]> = fc.oneof(
  pick<[number, number]>([
    [0, 5000],
    [5000, 10_000],
    [0, 10_000],
    [0, 2500],
    [2500, 7500],
  ]),
  fc
    .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 10_000 }))
    .filter(([a, b]) => a < b),
);

/** The leaves of a rule: every condition kind. */
export const arbCondition: fc.Arbitrary<RuleNode> = fc.oneof(
  { weight: 6, arbitrary: arbTrait },
  { weight: 4, arbitrary: arbEvent },
  { weight: 2, arbitrary: arbScore },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('segment' as const),
      segmentId: pick(RULE_POOLS.segments),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('consent' as const), channel: pick(CHANNELS) }),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({ salt: pick(RULE_POOLS.salts), range: arbBucketRange })
      .map(({ salt, range: [from, to] }): RuleNode => ({ kind: 'randomBucket', salt, from, to })),
  },
);

/** A valid rule tree up to `maxDepth` levels of groups (default 3). */
export function arbRuleNode({ maxDepth = 3 }: { maxDepth?: number } = {}): fc.Arbitrary<RuleNode> {
  const node = (depth: number): fc.Arbitrary<RuleNode> => {
    if (depth <= 0) return arbCondition;
    const child = node(depth - 1);
    return fc.oneof(
      { weight: 3, arbitrary: arbCondition },
      {
        weight: 2,
        arbitrary: fc.record({
          kind: pick(['all', 'any'] as const),
          children: fc.array(child, { maxLength: 4 }),
        }),
      },
      { weight: 1, arbitrary: child.map((c): RuleNode => ({ kind: 'not', child: c })) },
    );
  };
  return node(maxDepth);
}

/** A valid rule document; a third of them carry (unique) node ids. */
export function arbRuleDocument(options: { maxDepth?: number } = {}): fc.Arbitrary<RuleDocument> {
  return fc
    .tuple(arbRuleNode(options), fc.nat(2))
    .map(([root, ids]) => ({ version: RULE_VERSION, root: ids === 0 ? withIds(root) : root }));
}

/** The same tree with an id on every node (`n0`, `n1`, ... in depth-first order). */
export function withIds<T extends RuleNode | FilterNode>(node: T, counter = { next: 0 }): T {
  const id = `n${counter.next++}`;
  const n = node as RuleNode | FilterNode;
  let out: RuleNode | FilterNode;
  if (n.kind === 'all' || n.kind === 'any')
    out = {
      ...n,
      id,
      children: n.children.map((c: RuleNode | FilterNode) => withIds(c, counter)),
    } as RuleNode;
  else if (n.kind === 'not') out = { ...n, id, child: withIds(n.child, counter) } as RuleNode;
  else if (n.kind === 'event' && n.where !== undefined)
    out = { ...n, id, where: withIds(n.where, counter) };
  else out = { ...n, id };
  return out as T;
}
