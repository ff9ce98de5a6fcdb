import { describe, expect, it } from 'vitest';
import type { RuleCatalog } from './catalog';
import { validateRule } from './validate-rule';

const ok = (root: unknown) => validateRule({ version: 1, root });
const problems = (json: unknown, options = {}) => {
  const result = validateRule(json, options);
  if (result.ok) throw new Error('expected problems');
  return result.problems.map((p) => ({
    code: p.code,
    path: p.path.join('.'),
    ...(p.nodeId ? { nodeId: p.nodeId } : {}),
  }));
};

const everyKind = {
  kind: 'all',
  id: 'root',
  children: [
    {
      kind: 'trait',
      id: 't1',
      path: 'traits.country',
      type: 'string',
      op: 'in',
      values: ['US', 'CA'],
    },
    { kind: 'trait', path: 'traits.ltv', type: 'number', op: 'between', min: 100, max: 500 },
    {
      kind: 'trait',
      path: 'createdAt',
      type: 'date',
      op: 'withinLast',
      duration: { amount: 30, unit: 'days' },
    },
    {
      kind: 'trait',
      path: 'email',
      type: 'string',
      op: 'matches',
      pattern: '@example\\.com$',
      ignoreCase: true,
    },
    {
      kind: 'not',
      child: { kind: 'trait', path: 'traits.vip', type: 'boolean', op: 'eq', value: true },
    },
    {
      kind: 'event',
      event: 'page_view',
      where: {
        kind: 'any',
        children: [
          { kind: 'property', path: 'url', type: 'string', op: 'startsWith', value: '/pricing' },
        ],
      },
      measure: {
        type: 'count',
        window: { type: 'last', duration: { amount: 7, unit: 'days' } },
        compare: { op: 'gte', value: 2 },
      },
    },
    {
      kind: 'event',
      event: 'order',
      measure: {
        type: 'sum',
        property: 'amount',
        window: { type: 'between', from: '2026-01-01', to: '2026-04-01T00:00:00Z' },
        compare: { op: 'gte', value: 500 },
      },
    },
    {
      kind: 'event',
      event: 'login',
      measure: { type: 'lastOccurredBefore', duration: { amount: 60, unit: 'days' } },
    },
    {
      kind: 'score',
      model: 'fit',
      measure: {
        type: 'change',
        duration: { amount: 30, unit: 'days' },
        compare: { op: 'gte', value: 20 },
      },
    },
    { kind: 'segment', segmentId: 'seg-1' },
    { kind: 'consent', channel: 'email' },
    { kind: 'randomBucket', salt: 'spring', from: 0, to: 5000 },
  ],
};

describe('validateRule', () => {
  it('accepts a rule with every kind of node and returns it typed', () => {
    const result = validateRule({ version: 1, root: everyKind });
    expect(result).toEqual({ ok: true, rule: { version: 1, root: everyKind } });
  });

  it('reports every problem at once, each with its path and node id', () => {
    const found = problems({
      version: 2,
      root: {
        kind: 'all',
        id: 'g',
        children: [
          {
            kind: 'trait',
            id: 'a',
            path: 'traits.ltv',
            type: 'number',
            op: 'contains',
            value: 'x',
          },
          { kind: 'trait', id: 'b', path: 'country', type: 'string', op: 'eq', value: 'US' },
          {
            kind: 'event',
            id: 'c',
            event: '',
            measure: {
              type: 'count',
              window: { type: 'last' },
              compare: { op: 'gte', value: 'two' },
            },
          },
          { kind: 'teleport' },
          { kind: 'trait', id: 'a', path: 'traits.x', type: 'string', op: 'eq', vaule: 'typo' },
        ],
      },
    });
    expect(found).toEqual([
      { code: 'RULE_UNSUPPORTED_VERSION', path: 'version' },
      { code: 'RULE_OPERATOR_NOT_ALLOWED', path: 'root.children.0.op', nodeId: 'a' },
      { code: 'RULE_BAD_PATH', path: 'root.children.1.path', nodeId: 'b' },
      { code: 'RULE_BAD_VALUE', path: 'root.children.2.event', nodeId: 'c' },
      { code: 'RULE_MISSING_FIELD', path: 'root.children.2.measure.window.duration', nodeId: 'c' },
      { code: 'RULE_WRONG_TYPE', path: 'root.children.2.measure.compare.value', nodeId: 'c' },
      { code: 'RULE_UNKNOWN_KIND', path: 'root.children.3.kind', nodeId: 'g' },
      { code: 'RULE_DUPLICATE_NODE_ID', path: 'root.children.4.id', nodeId: 'a' },
      { code: 'RULE_UNKNOWN_FIELD', path: 'root.children.4.vaule', nodeId: 'a' },
      { code: 'RULE_MISSING_FIELD', path: 'root.children.4.value', nodeId: 'a' },
    ]);
  });

  it('says the fix in its messages', () => {
    const result = validateRule({
      version: 1,
      root: { kind: 'trait', path: 'traits.ltv', type: 'number', op: 'contains', value: 'x' },
    });
    expect(result.ok === false && result.problems[0]?.message).toBe(
      '"contains" does not apply to a number; use one of eq, neq, gt, gte, lt, lte, between, in, notIn, exists, notExists.',
    );
  });

  it('keeps profile conditions and event-property conditions apart', () => {
    expect(
      problems({
        version: 1,
        root: { kind: 'property', path: 'url', type: 'string', op: 'exists' },
      }),
    ).toEqual([{ code: 'RULE_KIND_NOT_ALLOWED_HERE', path: 'root.kind' }]);
    expect(
      problems({
        version: 1,
        root: {
          kind: 'event',
          event: 'x',
          where: { kind: 'segment', segmentId: 's' },
          measure: { type: 'count', window: { type: 'ever' }, compare: { op: 'gt', value: 0 } },
        },
      }),
    ).toEqual([{ code: 'RULE_KIND_NOT_ALLOWED_HERE', path: 'root.where.kind' }]);
  });

  it.each([
    [
      { kind: 'trait', path: 'traits.d', type: 'date', op: 'before', value: '2026-02-30' },
      'RULE_BAD_VALUE',
      'root.value',
    ],
    [
      { kind: 'trait', path: 'traits.d', type: 'date', op: 'before', value: '2026-02-01T10:00:00' },
      'RULE_BAD_VALUE',
      'root.value',
    ],
    [
      { kind: 'trait', path: 'traits.n', type: 'number', op: 'between', min: 5, max: 1 },
      'RULE_BAD_VALUE',
      'root.max',
    ],
    [
      { kind: 'trait', path: 'traits.n', type: 'number', op: 'in', values: [] },
      'RULE_BAD_VALUE',
      'root.values',
    ],
    [
      { kind: 'trait', path: 'traits.n', type: 'number', op: 'in', values: [1, '2'] },
      'RULE_BAD_VALUE',
      'root.values.1',
    ],
    [
      { kind: 'trait', path: 'traits.$where', type: 'string', op: 'exists' },
      'RULE_BAD_PATH',
      'root.path',
    ],
    [
      { kind: 'trait', path: 'traits.a"b', type: 'string', op: 'exists' },
      'RULE_BAD_PATH',
      'root.path',
    ],
    [
      { kind: 'trait', path: 'email', type: 'number', op: 'exists' },
      'RULE_TYPE_MISMATCH',
      'root.type',
    ],
    [{ kind: 'randomBucket', salt: 's', from: 5000, to: 5000 }, 'RULE_BAD_VALUE', 'root.to'],
    // Neither database stores NUL in text (SQLite's text functions stop at it).
    [
      { kind: 'trait', path: 'traits.s', type: 'string', op: 'eq', value: 'a\u0000b' },
      'RULE_BAD_VALUE',
      'root.value',
    ],
    [
      { kind: 'trait', path: 'traits.s', type: 'stringList', op: 'contains', value: '\u0000' },
      'RULE_BAD_VALUE',
      'root.value',
    ],
    [
      { kind: 'trait', path: 'traits.s', type: 'string', op: 'in', values: ['ok', 'x\u0000'] },
      'RULE_BAD_VALUE',
      'root.values.1',
    ],
    [
      {
        kind: 'event',
        event: 'Page\u0000Viewed',
        measure: { type: 'count', window: { type: 'ever' }, compare: { op: 'gte', value: 1 } },
      },
      'RULE_BAD_VALUE',
      'root.event',
    ],
    [{ kind: 'randomBucket', salt: 's\u0000', from: 0, to: 5000 }, 'RULE_BAD_VALUE', 'root.salt'],
    [{ kind: 'consent', channel: 'fax' }, 'RULE_BAD_VALUE', 'root.channel'],
    [
      { kind: 'trait', path: 'traits.s', type: 'string', op: 'matches', pattern: '(a+)+$' },
      'RULE_REGEX_UNSAFE',
      'root.pattern',
    ],
    [
      { kind: 'trait', path: 'traits.s', type: 'string', op: 'matches', pattern: 'a'.repeat(201) },
      'RULE_REGEX_TOO_LONG',
      'root.pattern',
    ],
    [
      {
        kind: 'event',
        event: 'x',
        measure: {
          type: 'count',
          window: { type: 'between', from: '2026-02-01', to: '2026-01-01' },
          compare: { op: 'gt', value: 0 },
        },
      },
      'RULE_BAD_VALUE',
      'root.measure.window.to',
    ],
  ])('rejects %j with %s at %s', (root, code, path) => {
    expect(problems({ version: 1, root })).toEqual([{ code, path }]);
  });

  it('enforces the size limits', () => {
    let deep: unknown = { kind: 'consent', channel: 'email' };
    for (let i = 0; i < 40; i++) deep = { kind: 'not', child: deep };
    expect(problems({ version: 1, root: deep })).toEqual([
      { code: 'RULE_TOO_DEEP', path: ['root', ...Array(32).fill('child')].join('.') },
    ]);

    const wide = {
      kind: 'any',
      children: Array.from({ length: 2_500 }, () => ({ kind: 'consent', channel: 'sms' })),
    };
    expect(problems({ version: 1, root: wide })).toEqual([
      { code: 'RULE_TOO_MANY_NODES', path: 'root.children.1999' },
    ]);

    const longList = {
      kind: 'trait',
      path: 'traits.n',
      type: 'number',
      op: 'in',
      values: Array.from({ length: 10_001 }, (_, i) => i),
    };
    expect(problems({ version: 1, root: longList })).toEqual([
      { code: 'RULE_LIST_TOO_LONG', path: 'root.values' },
    ]);
  });

  it('never throws on things that are not rules', () => {
    for (const json of [
      null,
      42,
      'rule',
      [],
      { version: 1 },
      { version: 1, root: null },
      { version: 1, root: [] },
      { version: 1, root: { kind: 'all', children: {} } },
    ]) {
      expect(validateRule(json).ok).toBe(false);
    }
    expect(ok({ kind: 'all', children: [] }).ok).toBe(true);
  });
});

describe('validateRule with a catalog', () => {
  const catalog: RuleCatalog = {
    traits: { 'traits.country': 'string', 'traits.ltv': 'number', 'traits.plan': 'string' },
    events: {
      page_view: { properties: { url: 'string', duration: 'number' } },
      order: { properties: { amount: 'number', currency: 'string' } },
    },
    segments: {
      a: { name: 'Active', references: ['b'] },
      b: { name: 'Buyers', references: ['c'] },
      c: { name: 'Churn risk', references: [] },
    },
    scoreModels: ['fit'],
  };

  it('reports unknown names with a suggestion and type mismatches', () => {
    const result = validateRule(
      {
        version: 1,
        root: {
          kind: 'all',
          children: [
            {
              kind: 'trait',
              id: 'x',
              path: 'traits.contry',
              type: 'string',
              op: 'eq',
              value: 'US',
            },
            { kind: 'trait', path: 'traits.ltv', type: 'string', op: 'eq', value: '500' },
            {
              kind: 'event',
              event: 'page_veiw',
              measure: { type: 'count', window: { type: 'ever' }, compare: { op: 'gt', value: 0 } },
            },
            {
              kind: 'event',
              event: 'order',
              where: { kind: 'property', path: 'currency', type: 'number', op: 'eq', value: 1 },
              measure: {
                type: 'avg',
                property: 'currency',
                window: { type: 'ever' },
                compare: { op: 'gt', value: 0 },
              },
            },
            { kind: 'score', model: 'fitt', measure: { type: 'hasScore' } },
            { kind: 'segment', segmentId: 'zzz' },
          ],
        },
      },
      { catalog },
    );
    expect(result.ok).toBe(false);
    const found = result.ok
      ? []
      : result.problems.map((p) => [p.code, p.path.join('.'), p.message]);
    expect(found).toEqual([
      [
        'RULE_UNKNOWN_TRAIT',
        'root.children.0.path',
        'No customer in this workspace has "traits.contry" (did you mean "traits.country"?).',
      ],
      [
        'RULE_TYPE_MISMATCH',
        'root.children.1.type',
        '"traits.ltv" holds a number in this workspace, not a string; set "type": "number".',
      ],
      [
        'RULE_UNKNOWN_EVENT',
        'root.children.2.event',
        'No event "page_veiw" has been received in this workspace (did you mean "page_view"?).',
      ],
      [
        'RULE_TYPE_MISMATCH',
        'root.children.3.where.type',
        '"currency" of "order" holds a string, not a number; set "type": "string".',
      ],
      [
        'RULE_TYPE_MISMATCH',
        'root.children.3.measure.property',
        '"currency" of "order" holds a string; avg needs a number property.',
      ],
      [
        'RULE_UNKNOWN_SCORE_MODEL',
        'root.children.4.model',
        'No lead-score model "fitt" exists (did you mean "fit"?).',
      ],
      [
        'RULE_UNKNOWN_SEGMENT',
        'root.children.5.segmentId',
        'No segment with id "zzz" exists in this workspace.',
      ],
    ]);
    expect(result.ok === false && result.problems[0]?.nodeId).toBe('x');
  });

  it('names the whole cycle when segment references lead back to this segment', () => {
    const result = validateRule(
      { version: 1, root: { kind: 'segment', segmentId: 'a' } },
      { catalog, segmentId: 'c' },
    );
    expect(result.ok === false && result.problems.map((p) => [p.code, p.message])).toEqual([
      [
        'RULE_SEGMENT_CYCLE',
        'Segments would reference each other in a cycle: "Churn risk" → "Active" → "Buyers" → "Churn risk". Remove one of these references.',
      ],
    ]);
    expect(
      validateRule(
        { version: 1, root: { kind: 'segment', segmentId: 'c' } },
        { catalog, segmentId: 'c' },
      ).ok,
    ).toBe(false);
    expect(
      validateRule(
        { version: 1, root: { kind: 'segment', segmentId: 'c' } },
        { catalog, segmentId: 'a' },
      ).ok,
    ).toBe(true);
  });
});

// Regression (found by the fuzz test): names of Object.prototype members reached the prototype.
describe('validateRule with names like Object.prototype members', () => {
  const measure = { type: 'count', window: { type: 'ever' }, compare: { op: 'gte', value: 1 } };
  it('reports an op named "constructor" as unknown', () => {
    expect(
      problems({
        version: 1,
        root: { kind: 'trait', path: 'traits.plan', type: 'string', op: 'constructor' },
      }),
    ).toEqual([{ code: 'RULE_UNKNOWN_OPERATOR', path: 'root.op' }]);
  });

  it('treats events, properties and segments named "toString" as unknown in the catalog', () => {
    const catalog: RuleCatalog = { events: { order: { properties: {} } }, segments: {} };
    expect(
      problems({ version: 1, root: { kind: 'event', event: 'toString', measure } }, { catalog }),
    ).toEqual([{ code: 'RULE_UNKNOWN_EVENT', path: 'root.event' }]);
    expect(
      problems(
        {
          version: 1,
          root: {
            kind: 'event',
            event: 'order',
            where: { kind: 'property', path: 'constructor', type: 'string', op: 'exists' },
            measure,
          },
        },
        { catalog },
      ),
    ).toEqual([{ code: 'RULE_UNKNOWN_PROPERTY', path: 'root.where.path' }]);
    expect(
      problems({ version: 1, root: { kind: 'segment', segmentId: 'toString' } }, { catalog }),
    ).toEqual([{ code: 'RULE_UNKNOWN_SEGMENT', path: 'root.segmentId' }]);
  });
});
