import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STEP_SIZE } from './auto-layout';
import type { EditorDoc, FlowNode } from './flow.types';
import { freeSpot } from './free-spot';

const exitAt = (id: string, x: number, y: number): FlowNode => ({
  id,
  type: 'exit',
  position: { x, y },
  data: { step: { kind: 'exit' } },
});
const docOf = (nodes: FlowNode[]): EditorDoc => ({
  nodes,
  edges: [],
  settings: { reentry: 'afterExit', exitOnGoal: true },
});
const overlaps = (a: { x: number; y: number }, b: { x: number; y: number }) =>
  Math.abs(a.x - b.x) < STEP_SIZE.width && Math.abs(a.y - b.y) < STEP_SIZE.height;

describe('freeSpot', () => {
  it('takes the wanted spot when it is free', () => {
    expect(freeSpot(docOf([exitAt('a', 600, 600)]), { x: 0, y: 0 }, STEP_SIZE)).toEqual({
      x: 0,
      y: 0,
    });
  });

  it('goes just below a step that sits on the wanted spot', () => {
    const at = freeSpot(docOf([exitAt('a', 0, 0)]), { x: 0, y: 0 }, STEP_SIZE);
    expect(at.x).toBe(0);
    expect(at.y).toBeGreaterThanOrEqual(STEP_SIZE.height);
  });

  it('uses a step’s measured size over the default one', () => {
    const tall = { ...exitAt('a', 0, 0), measured: { width: 240, height: 300 } };
    const at = freeSpot(docOf([tall]), { x: 0, y: 150 }, STEP_SIZE);
    const clear = at.y + STEP_SIZE.height <= 0 || at.y >= 300 || Math.abs(at.x) >= STEP_SIZE.width;
    expect(clear).toBe(true);
    // With the default size the step below the origin would have been free at y = 150.
    expect(freeSpot(docOf([exitAt('a', 0, 0)]), { x: 0, y: 150 }, STEP_SIZE)).toEqual({
      x: 0,
      y: 150,
    });
  });

  it('adding step after step at the same spot never overlaps one already there', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.integer({ min: -600, max: 600 }), fc.integer({ min: -600, max: 600 })),
          {
            maxLength: 25,
          },
        ),
        fc.integer({ min: 1, max: 30 }),
        (placed, adds) => {
          let nodes = placed.map(([x, y], i) => exitAt(`p${i}`, x, y));
          for (let i = 0; i < adds; i++) {
            const at = freeSpot(docOf(nodes), { x: 0, y: 0 }, STEP_SIZE);
            for (const n of nodes) expect(overlaps(at, n.position)).toBe(false);
            nodes = [...nodes, exitAt(`n${i}`, at.x, at.y)];
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
