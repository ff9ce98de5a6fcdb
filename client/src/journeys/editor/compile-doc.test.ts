import { JOURNEY_EXAMPLES, type JourneyGraph } from '@cairn/schema';
import { describe, expect, it } from 'vitest';
import { removeElements } from './commands/remove-elements';
import { moveNodes } from './commands/move-nodes';
import { createCompileCache } from './compile-doc';
import { fromGraph } from './graph-convert';

describe('compiling the editor document', () => {
  it('pins an unconnected output on its node and counts it as an error', () => {
    const compile = createCompileCache();
    const doc = fromGraph(JOURNEY_EXAMPLES.cartAbandoned as JourneyGraph);
    expect(compile(doc).errors).toBe(0);
    const cut = removeElements(doc, new Set(), new Set(['e4']));
    const out = compile(cut);
    expect(out.errors).toBeGreaterThan(0);
    expect(out.byNode.get('reminder')?.map((p) => p.code)).toContain('JOURNEY_OUTPUT_UNCONNECTED');
  });

  it('does not compile again when only positions change', () => {
    const compile = createCompileCache();
    const doc = fromGraph(JOURNEY_EXAMPLES.cartAbandoned as JourneyGraph);
    const first = compile(doc);
    const moved = moveNodes(doc, new Map([['trigger', { x: 99, y: 99 }]]));
    expect(compile(moved)).toBe(first);
    expect(compile(removeElements(moved, new Set(['done'])))).not.toBe(first);
  });
});
