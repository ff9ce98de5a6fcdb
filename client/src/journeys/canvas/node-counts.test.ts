import { describe, expect, it } from 'vitest';
import { countsByNode } from './node-counts';

const stats = {
  entered: 4,
  converted: 1,
  nodes: [
    { nodeId: 'wait', entered: 4, waiting: 3, converted: 0, exited: 0 },
    { nodeId: 'email', entered: 1, waiting: 0, converted: 1, exited: 1 },
  ],
};

describe('countsByNode', () => {
  it('gives each step its counts, and a trigger without a row the journey’s entries', () => {
    const counts = countsByNode(stats, ['trigger']);
    expect(counts.get('wait')).toEqual({ entered: 4, waiting: 3, converted: 0 });
    expect(counts.get('email')).toEqual({ entered: 1, waiting: 0, converted: 1 });
    expect(counts.get('trigger')).toEqual({ entered: 4, waiting: 0, converted: 1 });
  });

  it('keeps a trigger’s own row when the counts have one (a backtest counts every node)', () => {
    const own = { ...stats, nodes: [{ nodeId: 'trigger', entered: 2, waiting: 0, converted: 0 }] };
    expect(countsByNode(own, ['trigger']).get('trigger')).toEqual({
      entered: 2,
      waiting: 0,
      converted: 0,
    });
  });
});
