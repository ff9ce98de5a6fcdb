import { describe, expect, it } from 'vitest';
import { checkDraft, problemsByNode } from './check-draft';
import { editorCatalog } from './catalog';
import { counterIds, shape } from './ops/test-helpers';
import { prepareDraft } from './prepare-draft';

describe('prepareDraft', () => {
  it('gives every node an id, keeps existing ones, and boxes a bare condition', () => {
    const draft = prepareDraft(
      {
        version: 1,
        root: {
          kind: 'event',
          id: 'keep',
          event: 'Order Completed',
          where: { kind: 'property', path: 'amount', type: 'number', op: 'gt', value: 5 },
          measure: { type: 'count', window: { type: 'ever' }, compare: { op: 'gte', value: 1 } },
        },
      },
      counterIds(),
    );
    expect(shape(draft.root)).toBe('t2(keep(t1))');
    expect(draft.root.kind).toBe('all');
  });
});

const catalog = editorCatalog({
  traits: [
    { path: 'plan', type: 'string', count: 10, examples: ['pro', 'free'] },
    { path: 'ltv', type: 'number', count: 4, examples: [10] },
    { path: 'ltv', type: 'string', count: 1, examples: ['n/a'] },
    { path: 'address', type: 'object', count: 3, examples: [] },
  ],
  events: [
    {
      name: 'Order Completed',
      properties: [{ path: 'amount', type: 'number', count: 2, examples: [] }],
    },
  ],
});

describe('editorCatalog', () => {
  it('prefixes trait paths, keeps the most seen type, drops objects, adds email and createdAt', () => {
    expect(catalog.traits.map((t) => `${t.path}:${t.type}`)).toEqual([
      'traits.ltv:number',
      'traits.plan:string',
      'email:string',
      'createdAt:date',
    ]);
    expect(catalog.traits[1]?.examples).toEqual(['pro', 'free']);
  });
});

describe('checkDraft', () => {
  it('puts each problem on its row, errors blocking and unknown names warning', () => {
    const draft = {
      version: 1 as const,
      root: {
        kind: 'all' as const,
        id: 'root',
        children: [
          {
            id: 'a',
            kind: 'trait' as const,
            path: 'traits.ltv',
            type: 'number' as const,
            op: 'gt' as const,
            value: 'x' as unknown as number,
          },
          {
            id: 'b',
            kind: 'trait' as const,
            path: 'traits.nope',
            type: 'string' as const,
            op: 'exists' as const,
          },
        ],
      },
    };
    const structural = checkDraft(draft, catalog, []);
    expect(structural.blocking).toBe(true);
    const rows = problemsByNode(structural.problems, new Set(['root', 'a', 'b']));
    expect(rows.get('a')?.[0]).toMatchObject({ severity: 'error', nodeId: 'a' });

    const fixed = {
      ...draft,
      root: {
        ...draft.root,
        children: [{ ...draft.root.children[0]!, value: 5 }, draft.root.children[1]!],
      },
    };
    const names = checkDraft(fixed, catalog, []);
    expect(names.blocking).toBe(false);
    expect(names.problems).toEqual([
      expect.objectContaining({ code: 'RULE_UNKNOWN_TRAIT', nodeId: 'b', severity: 'warning' }),
    ]);
  });

  it('keeps a problem reported twice once, and puts problems of unknown rows on top', () => {
    const p = { code: 'RULE_X', message: 'm', path: [], nodeId: 'a', severity: 'error' as const };
    const rows = problemsByNode([p, p, { ...p, nodeId: 'gone' }], new Set(['a']));
    expect(rows.get('a')).toHaveLength(1);
    expect(rows.get('')).toHaveLength(1);
  });
});
