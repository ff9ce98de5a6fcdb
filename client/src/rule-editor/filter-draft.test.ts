import type { FilterNode } from '@cairn/schema';
import { describe, expect, it } from 'vitest';
import { editorCatalog } from './catalog';
import { checkDraft } from './check-draft';
import { newPropertyFilter } from './defaults';
import { FILTER_EVENT_ID, filterDraft, whereOf } from './filter-draft';
import { addPropertyFilter } from './ops/add-property-filter';
import { changeField } from './ops/change-field';
import { removeNode } from './ops/remove-node';
import { counterIds } from './ops/test-helpers';

const catalog = editorCatalog({
  traits: [],
  events: [
    {
      name: 'Order Completed',
      properties: [
        { path: 'amount', type: 'number', count: 4, examples: [12, 80] },
        { path: 'coupon', type: 'string', count: 2, examples: ['WELCOME'] },
      ],
    },
  ],
});
const ctx = { catalog, segments: [], today: '2026-12-01' };
const amountOver50: FilterNode = {
  kind: 'property',
  path: 'amount',
  type: 'number',
  op: 'gt',
  value: 50,
};

describe('filterDraft / whereOf', () => {
  it('carries no filter when the event has none, and the first filter added opens a group', () => {
    const newId = counterIds();
    const draft = filterDraft('Order Completed', undefined, newId);
    expect(draft.root).toMatchObject({ kind: 'event', id: FILTER_EVENT_ID });
    expect(whereOf(draft)).toBeUndefined();
    const added = addPropertyFilter(
      draft,
      FILTER_EVENT_ID,
      newPropertyFilter('Order Completed', { ...ctx, newId }),
      newId(),
    );
    expect(whereOf(added)).toEqual({
      kind: 'all',
      id: 't2',
      children: [
        { id: 't1', kind: 'property', path: 'amount', type: 'number', op: 'eq', value: 0 },
      ],
    });
  });

  it('boxes a bare property condition in an `all` group and gives every node an id', () => {
    const draft = filterDraft('Order Completed', amountOver50, counterIds());
    const where = whereOf(draft);
    expect(where?.kind).toBe('all');
    expect(where).toMatchObject({ children: [{ ...amountOver50, id: expect.any(String) }] });
  });

  it('keeps ids a stored filter already has, so edits land on the same rows', () => {
    const stored: FilterNode = { kind: 'any', id: 'g', children: [{ ...amountOver50, id: 'p' }] };
    const draft = filterDraft('Order Completed', stored, counterIds());
    expect(whereOf(draft)).toEqual(stored);
    const retyped = changeField(draft, 'p', 'coupon', 'string', ctx);
    expect(whereOf(retyped)).toMatchObject({ id: 'g', children: [{ id: 'p', path: 'coupon' }] });
  });

  it('drops the filter when its group is removed', () => {
    const stored: FilterNode = { kind: 'all', id: 'g', children: [{ ...amountOver50, id: 'p' }] };
    const draft = filterDraft('Order Completed', stored, counterIds());
    expect(whereOf(removeNode(draft, 'g'))).toBeUndefined();
  });

  it('is checked as the rule language checks a `where`: a type mismatch lands on its row', () => {
    const wrong: FilterNode = {
      kind: 'all',
      id: 'g',
      children: [
        { kind: 'property', id: 'p', path: 'amount', type: 'string', op: 'eq', value: 'x' },
      ],
    };
    const problems = checkDraft(
      filterDraft('Order Completed', wrong, counterIds()),
      catalog,
      [],
    ).problems;
    expect(problems.map((p) => [p.code, p.nodeId])).toContainEqual(['RULE_TYPE_MISMATCH', 'p']);
  });
});
