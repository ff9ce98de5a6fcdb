import {
  compileJourney,
  JOURNEY_EXAMPLES,
  type FilterNode,
  type JourneyGraph,
} from '@cairn/schema';
import { describe, expect, it } from 'vitest';
import { filterDraft, whereOf } from '../../rule-editor/filter-draft';
import { withWhere } from './WhereField';

describe('withWhere', () => {
  it('sets a filter, and drops the key when the filters are removed', () => {
    const where: FilterNode = { kind: 'all', id: 'g', children: [] };
    const spec: { type: 'event'; event: string; where?: FilterNode } = {
      type: 'event',
      event: 'Signed Up',
    };
    expect(withWhere(spec, where)).toEqual({ ...spec, where });
    expect(withWhere({ ...spec, where }, undefined)).toEqual(spec);
    expect('where' in withWhere({ ...spec, where }, undefined)).toBe(false);
  });

  it('writes a filter, ids and all, that the journey compiler accepts on a trigger', () => {
    const graph = JOURNEY_EXAMPLES.cartAbandoned as JourneyGraph;
    let n = 0;
    const where = whereOf(
      filterDraft(
        'Cart Abandoned',
        { kind: 'property', path: 'value', type: 'number', op: 'gt', value: 50 },
        () => `id${++n}`,
      ),
    );
    const nodes = graph.nodes.map((node) =>
      node.kind === 'trigger' && node.trigger.type === 'event'
        ? { ...node, trigger: withWhere(node.trigger, where) }
        : node,
    );
    const result = compileJourney({ ...graph, nodes });
    expect(result.problems).toEqual([]);
  });
});
