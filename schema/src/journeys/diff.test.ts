import { describe, expect, it } from 'vitest';
import { describeChanges } from './diff';
import { JOURNEY_EXAMPLES } from './examples';
import type { JourneyGraph } from './journey.types';

const base = JOURNEY_EXAMPLES.hardBounce as JourneyGraph;

describe('describeChanges', () => {
  it('says first version, and no change when only positions moved', () => {
    expect(describeChanges(undefined, base)).toEqual(['First version.']);
    const moved = { ...base, nodes: base.nodes.map((n) => ({ ...n, position: { x: 9, y: 9 } })) };
    expect(describeChanges(base, moved)).toEqual(['No change in behaviour.']);
  });

  it('lists added, changed, renamed and removed steps, connections and settings', () => {
    const after: JourneyGraph = {
      ...base,
      settings: { ...base.settings, reentry: 'never' },
      nodes: [
        base.nodes[0]!,
        {
          id: 'mark',
          kind: 'action',
          label: 'Flag address',
          action: { type: 'setTrait', path: 'traits.email_status', value: 'bounced' },
        },
        { id: 'tag', kind: 'action', action: { type: 'addTag', tag: 'bounced' } },
      ],
      edges: [base.edges[0]!, { id: 'x', source: 'mark', sourceHandle: 'next', target: 'tag' }],
    };
    expect(describeChanges(base, after)).toEqual([
      'Changed "Flag address".',
      'Added action "tag".',
      'Removed exit "done".',
      'Rewired 1 connection added, 1 removed.',
      'Changed the journey settings.',
    ]);
  });
});
