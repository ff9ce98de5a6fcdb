import { JOURNEY_EXAMPLES, type JourneyGraph } from '@cairn/schema';
import { describe, expect, it } from 'vitest';
import { autoLayout, STEP_SIZE } from './auto-layout';
import { fromGraph } from './graph-convert';

describe('autoLayout', () => {
  it('places every step top to bottom along the edges, with no two steps overlapping', async () => {
    const doc = fromGraph(JOURNEY_EXAMPLES.cartAbandoned as JourneyGraph);
    const at = await autoLayout(doc);
    expect([...at.keys()].sort()).toEqual(doc.nodes.map((n) => n.id).sort());
    for (const e of doc.edges) expect(at.get(e.target)!.y).toBeGreaterThan(at.get(e.source)!.y);
    const boxes = [...at.values()];
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1)) {
        const apart =
          Math.abs(a.x - b.x) >= STEP_SIZE.width || Math.abs(a.y - b.y) >= STEP_SIZE.height;
        expect(apart).toBe(true);
      }
  });

  it('keeps a condition’s yes branch left of its no branch (ports in handle order)', async () => {
    const graph = JOURNEY_EXAMPLES.reengagement as JourneyGraph;
    const doc = fromGraph(graph);
    const condition = graph.nodes.find((n) => n.kind === 'condition');
    if (!condition) throw new Error('the example has no condition any more');
    const yes = graph.edges.find((e) => e.source === condition.id && e.sourceHandle === 'yes')!;
    const no = graph.edges.find((e) => e.source === condition.id && e.sourceHandle === 'no')!;
    const at = await autoLayout(doc);
    expect(at.get(yes.target)!.x).toBeLessThan(at.get(no.target)!.x);
  });
});
