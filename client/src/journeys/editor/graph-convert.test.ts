import {
  JOURNEY_EXAMPLES,
  JOURNEY_NODE_KINDS,
  type JourneyGraph,
  type JourneyNode,
} from '@cairn/schema';
import { arbRuleDocument } from '@cairn/schema/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EditorDoc } from './flow.types';
import { fromGraph, toGraph } from './graph-convert';
import { newStep } from './new-step';

/** Every step of the examples (all eight kinds occur), without id and position. */
const STEPS = Object.values(JOURNEY_EXAMPLES).flatMap((g) =>
  (g as JourneyGraph).nodes.map(({ id: _id, position: _position, ...step }) => step),
);
const SETTINGS = Object.values(JOURNEY_EXAMPLES).map((g) => (g as JourneyGraph).settings);

const arbPosition = fc.record({
  x: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
  y: fc.integer({ min: -100_000, max: 100_000 }),
});

/** Every kind as the palette makes it (the examples have no splits). */
const FRESH = JOURNEY_NODE_KINDS.map((kind) => newStep(kind, () => `r-${kind}`));

/** A step of any kind; conditions and split branches carry arbitrary rules of the rule language. */
const arbStep = fc.oneof(
  fc.constantFrom(...STEPS, ...FRESH),
  arbRuleDocument({ maxDepth: 2 }).map((rule) => ({ kind: 'condition' as const, rule })),
  fc
    .array(fc.tuple(fc.string(), arbRuleDocument({ maxDepth: 1 })), { minLength: 1, maxLength: 3 })
    .map((branches) => ({
      kind: 'split' as const,
      branches: branches.map(([name, rule], i) => ({ handle: `b${i}`, name, rule })),
    })),
  fc.array(fc.tuple(fc.nat(100), fc.boolean()), { minLength: 2, maxLength: 4 }).map((arms) => ({
    kind: 'randomSplit' as const,
    salt: 'ab',
    arms: arms.map(([weight, control], i) => ({
      handle: `arm${i}`,
      name: `Arm ${i}`,
      weight,
      ...(control ? { control } : {}),
    })),
  })),
);

/** A journey graph as the editor writes it: every node placed, edges between its nodes. */
const arbGraph: fc.Arbitrary<JourneyGraph> = fc
  .uniqueArray(fc.string({ minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 12 })
  .chain((ids) =>
    fc.record({
      nodes: fc.tuple(
        ...ids.map((id) =>
          fc
            .record({
              step: arbStep,
              position: arbPosition,
              label: fc.option(fc.string(), { nil: undefined }),
            })
            .map(({ step, position, label }): JourneyNode => {
              const labelled = label === undefined ? step : { ...step, label };
              return { ...labelled, id, position } as JourneyNode;
            }),
        ),
      ),
      edges: fc
        .array(
          fc.record({
            source: fc.constantFrom(...ids),
            target: fc.constantFrom(...ids),
            sourceHandle: fc.constantFrom('next', 'yes', 'no', 'event', 'timeout', 'else'),
          }),
          { maxLength: 20 },
        )
        .map((edges) => edges.map((e, i) => ({ id: `e${i}`, ...e }))),
      settings: fc.constantFrom(...SETTINGS),
    }),
  )
  .map((g) => ({ version: 1, ...g }));

describe('graph conversion', () => {
  it('editor state -> journey graph -> editor state is the identity', () => {
    fc.assert(
      fc.property(arbGraph, (graph) => {
        const doc: EditorDoc = fromGraph(graph);
        expect(fromGraph(toGraph(doc))).toEqual(doc);
      }),
      { numRuns: 300 },
    );
  });

  it('journey graph -> editor state -> journey graph is the identity', () => {
    fc.assert(
      fc.property(arbGraph, (graph) => {
        expect(toGraph(fromGraph(graph))).toEqual(graph);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves React Flow’s own fields (selection, measurements, drag state) out of the graph', () => {
    const doc = fromGraph(JOURNEY_EXAMPLES.cartAbandoned as JourneyGraph);
    const busy: EditorDoc = {
      ...doc,
      nodes: doc.nodes.map((n) => ({
        ...n,
        selected: true,
        dragging: true,
        measured: { width: 200, height: 60 },
      })),
      edges: doc.edges.map((e) => ({ ...e, selected: true, animated: true })),
    };
    expect(toGraph(busy)).toEqual(JOURNEY_EXAMPLES.cartAbandoned);
  });
});
