import { describe, expect, it } from 'vitest';
import { JOURNEY_EXAMPLES } from '../examples';
import type { JourneyGraph } from '../journey.types';
import { compileJourney } from './compile-journey';
import type { JourneyCatalog } from './context';

type Mutable<T> = { -readonly [K in keyof T]: Mutable<T[K]> };
/** A deep, writable copy of an example to break in one place. */
const copy = (g: JourneyGraph): Mutable<JourneyGraph> => JSON.parse(JSON.stringify(g));
const codes = (json: unknown, catalog?: JourneyCatalog) =>
  compileJourney(json, catalog ? { catalog } : {}).problems.map((p) => [
    p.code,
    p.nodeId ?? p.edgeId,
  ]);

describe('compileJourney', () => {
  it.each(Object.entries(JOURNEY_EXAMPLES))(
    'compiles the %s example with no problem',
    (_, graph) => {
      const result = compileJourney(graph);
      expect(result.problems).toEqual([]);
      expect(result.ok).toBe(true);
    },
  );

  it('resolves every output to the next step and turns decisions into rules', () => {
    const result = compileJourney(JOURNEY_EXAMPLES.cartAbandoned);
    if (!result.ok) throw new Error('expected a plan');
    expect(result.plan.trigger).toEqual({
      nodeId: 'trigger',
      spec: { type: 'event', event: 'Cart Abandoned' },
      next: 'wait-order',
    });
    expect(result.plan.steps['wait-order']).toMatchObject({
      type: 'waitForEvent',
      onEvent: 'bought',
      onTimeout: 'reminder',
    });
    expect(result.plan.goals).toEqual([
      { nodeId: 'goal', event: 'Order Completed', within: { amount: 7, unit: 'days' } },
    ]);
  });

  it('turns a random split into random-bucket rules that partition every customer', () => {
    const g = copy(JOURNEY_EXAMPLES.hardBounce);
    g.nodes.splice(1, 0, {
      id: 'ab',
      kind: 'randomSplit',
      arms: [
        { handle: 'a', name: 'A', weight: 33 },
        { handle: 'b', name: 'B', weight: 33 },
        { handle: 'control', name: 'Control', weight: 34, control: true },
      ],
    });
    g.edges[0]!.target = 'ab';
    g.edges.push(
      { id: 'ea', source: 'ab', sourceHandle: 'a', target: 'mark' },
      { id: 'eb', source: 'ab', sourceHandle: 'b', target: 'mark' },
      { id: 'ec', source: 'ab', sourceHandle: 'control', target: 'done' },
    );
    const result = compileJourney(g);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const step = result.plan.steps['ab'];
    expect(step?.type).toBe('decide');
    const ranges = step?.type === 'decide' ? step.branches.map((b) => b.rule.root) : [];
    expect(ranges).toEqual([
      { kind: 'randomBucket', salt: 'ab', from: 0, to: 3300 },
      { kind: 'randomBucket', salt: 'ab', from: 3300, to: 6600 },
      { kind: 'randomBucket', salt: 'ab', from: 6600, to: 10_000 },
    ]);
  });

  it('reports a graph with no trigger, and every extra trigger', () => {
    const none = copy(JOURNEY_EXAMPLES.hardBounce);
    none.nodes.shift();
    none.edges.shift();
    expect(codes(none)).toContainEqual(['JOURNEY_NO_TRIGGER', undefined]);
    const two = copy(JOURNEY_EXAMPLES.hardBounce);
    two.nodes.push({ id: 't2', kind: 'trigger', trigger: { type: 'api' } });
    two.edges.push({ id: 'e9', source: 't2', sourceHandle: 'next', target: 'done' });
    expect(codes(two)).toEqual([['JOURNEY_MANY_TRIGGERS', 't2']]);
  });

  it('reports an unconnected output on its node, naming the handle', () => {
    const g = copy(JOURNEY_EXAMPLES.cartAbandoned);
    g.edges = g.edges.filter((e) => e.id !== 'e3');
    const result = compileJourney(g);
    expect(result.ok).toBe(false);
    const problem = result.problems.find((p) => p.code === 'JOURNEY_OUTPUT_UNCONNECTED');
    expect(problem).toMatchObject({ nodeId: 'wait-order', severity: 'error', path: ['nodes', 1] });
    expect(problem?.message).toContain('"timeout"');
    // the reminder is now unreachable too
    expect(codes(g)).toContainEqual(['JOURNEY_UNREACHABLE_NODE', 'reminder']);
  });

  it('reports edges from unknown handles, to unknown nodes, into the trigger, and reused handles', () => {
    const g = copy(JOURNEY_EXAMPLES.hardBounce);
    g.edges.push(
      { id: 'x1', source: 'mark', sourceHandle: 'yes', target: 'done' },
      { id: 'x2', source: 'mark', sourceHandle: 'next', target: 'nowhere' },
      { id: 'x3', source: 'done', sourceHandle: 'next', target: 'trigger' },
      { id: 'x4', source: 'mark', sourceHandle: 'next', target: 'trigger' },
    );
    g.nodes.push({ id: 'other-exit', kind: 'exit' });
    g.edges.push({ id: 'x5', source: 'trigger', sourceHandle: 'next', target: 'other-exit' });
    expect(codes(g)).toEqual([
      ['JOURNEY_UNREACHABLE_NODE', 'other-exit'],
      ['JOURNEY_EDGE_UNKNOWN_HANDLE', 'x1'],
      ['JOURNEY_EDGE_UNKNOWN_NODE', 'x2'],
      ['JOURNEY_EDGE_UNKNOWN_HANDLE', 'x3'],
      ['JOURNEY_EDGE_INTO_START', 'x4'],
      ['JOURNEY_HANDLE_USED_TWICE', 'x5'],
    ]);
  });

  it('reports a loop without a wait once, naming its steps, and accepts a loop through a wait', () => {
    const g = copy(JOURNEY_EXAMPLES.hardBounce);
    g.nodes.push({
      id: 'check',
      kind: 'condition',
      label: 'Still bouncing?',
      rule: {
        version: 1,
        root: {
          kind: 'trait',
          path: 'traits.email_status',
          type: 'string',
          op: 'eq',
          value: 'invalid',
        },
      },
    });
    g.edges = g.edges.filter((e) => e.id !== 'e2');
    g.edges.push(
      { id: 'l1', source: 'mark', sourceHandle: 'next', target: 'check' },
      { id: 'l2', source: 'check', sourceHandle: 'yes', target: 'mark' },
      { id: 'l3', source: 'check', sourceHandle: 'no', target: 'done' },
    );
    const result = compileJourney(g);
    const loops = result.problems.filter((p) => p.code === 'JOURNEY_CYCLE_WITHOUT_WAIT');
    expect(loops).toHaveLength(1);
    expect(loops[0]).toMatchObject({ nodeId: 'mark' });
    expect(loops[0]?.message).toContain('"Mark email invalid" → "Still bouncing?"');

    g.nodes.push({
      id: 'pause',
      kind: 'wait',
      wait: { type: 'duration', duration: { amount: 1, unit: 'days' } },
    });
    g.edges = g.edges.filter((e) => e.id !== 'l2');
    g.edges.push(
      { id: 'l4', source: 'check', sourceHandle: 'yes', target: 'pause' },
      { id: 'l5', source: 'pause', sourceHandle: 'next', target: 'mark' },
    );
    expect(compileJourney(g).problems).toEqual([]);
  });

  it('reports a self-loop on an action', () => {
    const g = copy(JOURNEY_EXAMPLES.hardBounce);
    g.edges[1]!.target = 'mark';
    expect(codes(g)).toEqual([
      ['JOURNEY_CYCLE_WITHOUT_WAIT', 'mark'],
      ['JOURNEY_UNREACHABLE_NODE', 'done'],
    ]);
  });

  it('reports a wait for an event without a timeout, weights not adding up, sends without channel or template', () => {
    const g = copy(JOURNEY_EXAMPLES.cartAbandoned);
    delete (g.nodes[1] as { wait: { timeout?: unknown } }).wait.timeout;
    g.edges = g.edges.filter((e) => e.id !== 'e3');
    g.nodes.push(
      {
        id: 'ab',
        kind: 'randomSplit',
        arms: [
          { handle: 'a', name: 'A', weight: 60 },
          { handle: 'b', name: 'B', weight: 30 },
        ],
      },
      { id: 'blank', kind: 'action', action: { type: 'send' } },
    );
    g.edges.push(
      { id: 'r1', source: 'ab', sourceHandle: 'a', target: 'done' },
      { id: 'r2', source: 'ab', sourceHandle: 'b', target: 'blank' },
      { id: 'r3', source: 'blank', sourceHandle: 'next', target: 'done' },
    );
    const found = codes(g);
    expect(found).toContainEqual(['JOURNEY_WAIT_WITHOUT_TIMEOUT', 'wait-order']);
    expect(found).toContainEqual(['JOURNEY_WEIGHTS_NOT_100', 'ab']);
    expect(found).toContainEqual(['JOURNEY_SEND_WITHOUT_CHANNEL', 'blank']);
    expect(found).toContainEqual(['JOURNEY_SEND_WITHOUT_TEMPLATE', 'blank']);
    expect(found).toContainEqual(['JOURNEY_UNREACHABLE_NODE', 'ab']);
  });

  it('reports a broken node once, without unreachable or unconnected noise after it', () => {
    const g = copy(JOURNEY_EXAMPLES.cartAbandoned);
    (g.nodes[1] as { wait: unknown }).wait = {
      type: 'event',
      event: 'Order Completed',
      timeout: { amount: -5, unit: 'minutes' },
    };
    const result = compileJourney(g);
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => [p.code, p.nodeId, p.path.join('.')])).toEqual([
      ['JOURNEY_BAD_VALUE', 'wait-order', 'nodes.1.wait.timeout.amount'],
    ]);
  });

  it('reports every structural problem with its path at once', () => {
    const result = compileJourney({
      version: 2,
      nodes: [
        { id: 't', kind: 'trigger', trigger: { type: 'evnt' } },
        { id: 'w', kind: 'wait', wait: { type: 'until', time: '25:00' } },
        { kind: 'exit' },
        { id: 's', kind: 'teleport' },
      ],
      edges: [{ id: 'e', source: 't' }],
      settings: { reentry: 'sometimes', exitOnGoal: true },
    });
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => [p.code, p.path.join('.')])).toEqual([
      ['JOURNEY_UNSUPPORTED_VERSION', 'version'],
      ['JOURNEY_BAD_VALUE', 'settings.reentry'],
      ['JOURNEY_BAD_VALUE', 'nodes.0.trigger.type'],
      ['JOURNEY_BAD_VALUE', 'nodes.1.wait.time'],
      ['JOURNEY_MISSING_FIELD', 'nodes.2.id'],
      ['JOURNEY_UNKNOWN_KIND', 'nodes.3.kind'],
      ['JOURNEY_MISSING_FIELD', 'edges.0.sourceHandle'],
      ['JOURNEY_MISSING_FIELD', 'edges.0.target'],
    ]);
  });

  it('never throws, whatever it is given', () => {
    for (const value of [
      null,
      1,
      'x',
      [],
      {},
      { nodes: 'x' },
      { version: 1, nodes: [null, 1, []], edges: [null] },
    ])
      expect(compileJourney(value).ok).toBe(false);
  });

  it('reports rules inside conditions with the rule node id, and catalog names as the segment builder does', () => {
    const g = copy(JOURNEY_EXAMPLES.reengagement);
    (g.nodes[1] as { rule: unknown }).rule = {
      version: 1,
      root: {
        kind: 'all',
        children: [
          { id: 'r1', kind: 'trait', path: 'traits.plann', type: 'string', op: 'eq', value: 'pro' },
          { id: 'r2', kind: 'segment', segmentId: 'gone' },
        ],
      },
    };
    const catalog: JourneyCatalog = {
      traits: { 'traits.plan': 'string' },
      events: { 'Order Completed': { properties: {} } },
      segments: { 'inactive-60-days': { references: [] } },
    };
    const result = compileJourney(g, { catalog });
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => [p.code, p.severity, p.nodeId, p.ruleNodeId])).toEqual([
      ['JOURNEY_UNKNOWN_SEGMENT', 'error', 'has-email-consent', 'r2'],
      ['JOURNEY_UNKNOWN_TRAIT', 'warning', 'has-email-consent', 'r1'],
    ]);
    expect(result.problems[1]?.message).toContain('did you mean "traits.plan"');
    expect(result.problems[0]?.path).toEqual([
      'nodes',
      1,
      'rule',
      'root',
      'children',
      1,
      'segmentId',
    ]);
  });

  it('warns about unseen events and template variables, without blocking', () => {
    const catalog: JourneyCatalog = { traits: {}, events: {}, segments: {} };
    const result = compileJourney(JOURNEY_EXAMPLES.cartAbandoned, { catalog });
    expect(result.ok).toBe(true);
    expect(result.problems.map((p) => [p.code, p.severity, p.nodeId])).toEqual([
      ['JOURNEY_UNKNOWN_EVENT', 'warning', 'trigger'],
      ['JOURNEY_UNKNOWN_EVENT', 'warning', 'wait-order'],
      ['JOURNEY_UNKNOWN_EVENT', 'warning', 'goal'],
    ]);
    const g = copy(JOURNEY_EXAMPLES.cartAbandoned);
    (g.nodes[2] as { action: { template: { body: string } } }).action.template.body =
      'Hi {{ traits.nickname }} {{ oops';
    const problems = compileJourney(g, {
      catalog: {
        ...catalog,
        events: { 'Cart Abandoned': { properties: {} }, 'Order Completed': { properties: {} } },
      },
    }).problems;
    expect(problems.map((p) => [p.code, p.severity])).toEqual([
      ['JOURNEY_TEMPLATE_INVALID', 'error'],
      ['JOURNEY_TEMPLATE_UNKNOWN_VARIABLE', 'warning'],
    ]);
  });

  it('warns about conditions and branches that are always true or false', () => {
    const g = copy(JOURNEY_EXAMPLES.reengagement);
    (g.nodes[1] as { rule: unknown }).rule = {
      version: 1,
      root: {
        kind: 'any',
        children: [
          {
            kind: 'event',
            event: 'x',
            measure: { type: 'count', window: { type: 'ever' }, compare: { op: 'gte', value: 0 } },
          },
        ],
      },
    };
    expect(codes(g)).toEqual([['JOURNEY_CONDITION_ALWAYS_TRUE', 'has-email-consent']]);
    (g.nodes[1] as { rule: unknown }).rule = {
      version: 1,
      root: {
        kind: 'all',
        children: [
          { kind: 'trait', path: 'traits.plan', type: 'string', op: 'eq', value: 'pro' },
          { kind: 'trait', path: 'traits.plan', type: 'string', op: 'eq', value: 'free' },
        ],
      },
    };
    expect(codes(g)).toEqual([['JOURNEY_CONDITION_ALWAYS_FALSE', 'has-email-consent']]);
  });
});
