import { JOURNEY_EXAMPLES, type JourneyGraph } from '@cairn/schema';
import { describe, expect, it } from 'vitest';
import { reconnectOutput } from './commands/reconnect-output';
import { refuseConnection } from './connection-rules';
import { connectionTargets, outputLinks } from './connection-targets';
import { fromGraph } from './graph-convert';

const examples = Object.entries(JOURNEY_EXAMPLES).map(
  ([name, g]) => [name, fromGraph(g as JourneyGraph)] as const,
);
const doc = fromGraph(JOURNEY_EXAMPLES.cartAbandoned as JourneyGraph);

describe('outputLinks', () => {
  it('lists every output handle of a step in order, with the edge leaving it', () => {
    const links = outputLinks(doc, 'wait-order');
    expect(links.map((l) => l.handle)).toEqual(['event', 'timeout']);
    expect(links.every((l) => l.edge?.source === 'wait-order')).toBe(true);
    expect(outputLinks(doc, 'done')).toEqual([]);
    expect(outputLinks(doc, 'ghost')).toEqual([]);
  });
});

describe('connectionTargets', () => {
  it.each(examples)(
    'offers exactly the steps the canvas would accept while dragging (%s)',
    (_name, d) => {
      for (const source of d.nodes)
        for (const { handle } of outputLinks(d, source.id)) {
          const free = {
            ...d,
            edges: d.edges.filter((e) => !(e.source === source.id && e.sourceHandle === handle)),
          };
          const accepted = d.nodes
            .filter(
              (t) =>
                refuseConnection(free, {
                  source: source.id,
                  sourceHandle: handle,
                  target: t.id,
                }) === undefined,
            )
            .map((t) => t.id);
          expect(connectionTargets(d, source.id, handle).map((t) => t.id)).toEqual(accepted);
        }
    },
  );

  it('never offers the step itself, a trigger or a goal; offers nothing for an unknown handle', () => {
    const ids = connectionTargets(doc, 'reminder', 'next').map((n) => n.id);
    expect(ids).not.toContain('reminder');
    expect(ids).not.toContain('trigger');
    expect(ids).not.toContain('goal');
    expect(ids).toContain('done');
    expect(connectionTargets(doc, 'reminder', 'yes')).toEqual([]);
  });
});

describe('reconnectOutput', () => {
  it('moves a connected output to another step, keeping one edge per handle', () => {
    const next = reconnectOutput(doc, 'wait-order', 'timeout', 'done', 'new');
    const fromTimeout = next.edges.filter(
      (e) => e.source === 'wait-order' && e.sourceHandle === 'timeout',
    );
    expect(fromTimeout).toEqual([
      { id: 'new', source: 'wait-order', sourceHandle: 'timeout', target: 'done' },
    ]);
    expect(next.edges).toHaveLength(doc.edges.length);
  });

  it('disconnects, and leaves the document as it is for a refused or unchanged connection', () => {
    const cut = reconnectOutput(doc, 'reminder', 'next', undefined, 'x');
    expect(cut.edges.some((e) => e.source === 'reminder')).toBe(false);
    expect(reconnectOutput(doc, 'reminder', 'next', 'trigger', 'x')).toBe(doc);
    expect(reconnectOutput(doc, 'reminder', 'next', 'reminder', 'x')).toBe(doc);
    const target = doc.edges.find((e) => e.source === 'reminder')!.target;
    expect(reconnectOutput(doc, 'reminder', 'next', target, 'x')).toBe(doc);
    expect(reconnectOutput(cut, 'reminder', 'next', 'done', 'x').edges).toContainEqual({
      id: 'x',
      source: 'reminder',
      sourceHandle: 'next',
      target: 'done',
    });
  });
});
