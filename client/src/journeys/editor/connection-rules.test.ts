import { JOURNEY_EXAMPLES, type JourneyGraph } from '@cairn/schema';
import { describe, expect, it } from 'vitest';
import { fromGraph } from './graph-convert';
import { refuseConnection } from './connection-rules';

const doc = fromGraph(JOURNEY_EXAMPLES.cartAbandoned as JourneyGraph);
const loose = { ...doc, edges: doc.edges.filter((e) => e.source !== 'reminder') };

describe('refuseConnection', () => {
  it('accepts a free output to a step that takes input', () => {
    expect(
      refuseConnection(loose, { source: 'reminder', sourceHandle: 'next', target: 'done' }),
    ).toBeUndefined();
  });

  it.each([
    [{ source: 'reminder', sourceHandle: 'next', target: 'trigger' }, 'noInput'],
    [{ source: 'reminder', sourceHandle: 'next', target: 'goal' }, 'noInput'],
    [{ source: 'reminder', sourceHandle: 'yes', target: 'done' }, 'unknownHandle'],
    [{ source: 'reminder', sourceHandle: null, target: 'done' }, 'unknownHandle'],
    [{ source: 'reminder', sourceHandle: 'next', target: 'reminder' }, 'selfLoop'],
    [{ source: 'wait-order', sourceHandle: 'timeout', target: 'done' }, 'handleUsed'],
    [{ source: 'ghost', sourceHandle: 'next', target: 'done' }, 'unknownNode'],
  ] as const)('refuses %o as %s', (connection, reason) => {
    expect(refuseConnection(loose, connection)).toBe(reason);
  });
});
