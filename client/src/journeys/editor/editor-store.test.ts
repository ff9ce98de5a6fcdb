import { JOURNEY_EXAMPLES, type JourneyGraph } from '@cairn/schema';
import { describe, expect, it } from 'vitest';
import { addStep } from './commands/add-step';
import { copySelection, pasteClip } from './commands/clipboard';
import { connect } from './commands/connect';
import { applyFlowNodeChanges } from './commands/flow-changes';
import { removeSelected } from './commands/remove-elements';
import { updateStep } from './commands/update-step';
import { createEditorStore } from './editor-store';
import { fromGraph } from './graph-convert';
import { selectDoc, selectSelectedNode } from './selectors';

const example = () => fromGraph(JOURNEY_EXAMPLES.cartAbandoned as JourneyGraph);
let counter = 0;
const newId = () => `id${++counter}`;

describe('the editor store', () => {
  it('adds, connects and undoes step by step, then redoes', () => {
    const store = createEditorStore(example());
    store.run((d) => addStep(d, 'exit', { x: 5, y: 5 }, 'x', newId));
    store.run((d) => connect(d, { source: 'goal', sourceHandle: 'next', target: 'x' }, 'bad'));
    expect(selectDoc(store.getState()).edges.map((e) => e.id)).not.toContain('bad');
    expect(selectSelectedNode(store.getState())?.id).toBe('x');
    store.undo();
    expect(selectDoc(store.getState()).nodes.map((n) => n.id)).not.toContain('x');
    store.redo();
    expect(selectDoc(store.getState()).nodes.map((n) => n.id)).toContain('x');
    expect(store.getState().edits).toBe(3);
  });

  it('does not count selection as an edit to save', () => {
    const store = createEditorStore(example());
    store.run((d) => ({ ...d, nodes: d.nodes.map((n) => ({ ...n, selected: true })) }), 'skip');
    expect(store.getState().edits).toBe(0);
    expect(selectSelectedNode(store.getState())).toBeUndefined();
    store.run((d) => addStep(d, 'exit', { x: 0, y: 0 }, 'x2', newId));
    expect(store.getState().edits).toBe(1);
  });

  it('records a whole drag as one undo step', () => {
    const store = createEditorStore(example());
    const move = (x: number, dragging: boolean) =>
      store.run(
        (d) => {
          const r = applyFlowNodeChanges(d, [
            { type: 'position', id: 'trigger', position: { x, y: 0 }, dragging },
          ]);
          return r.doc;
        },
        dragging ? 'transient' : 'commit',
      );
    move(10, true);
    move(20, true);
    move(30, false);
    expect(store.getState().history.past).toHaveLength(1);
    store.undo();
    expect(selectDoc(store.getState()).nodes[0]!.position).toEqual({ x: 0, y: 0 });
  });

  it('removes the selection with its edges; pastes a copy with fresh ids and its inner edges', () => {
    const doc = example();
    const selected = {
      ...doc,
      nodes: doc.nodes.map((n) => ({ ...n, selected: n.id === 'reminder' || n.id === 'done' })),
    };
    const clip = copySelection(selected)!;
    expect(clip.edges.map((e) => e.id)).toEqual(['e4']);
    const pasted = pasteClip(selected, clip, (p) => `${p}-copy-${++counter}`);
    expect(pasted.nodes).toHaveLength(doc.nodes.length + 2);
    expect(pasted.edges).toHaveLength(doc.edges.length + 1);
    const removed = removeSelected(selected);
    expect(removed.nodes.map((n) => n.id)).not.toContain('reminder');
    expect(removed.edges.some((e) => e.source === 'reminder' || e.target === 'reminder')).toBe(
      false,
    );
  });

  it('drops edges from output handles a step no longer has', () => {
    const doc = example();
    const wait = doc.nodes.find((n) => n.id === 'wait-order')!;
    const step = wait.data.step;
    if (step.kind !== 'wait') throw new Error('the example changed');
    const next = updateStep(doc, 'wait-order', {
      ...step,
      wait: { type: 'event', event: 'Order Completed' },
    });
    expect(next.edges.map((e) => e.sourceHandle)).toContain('event');
    expect(next.edges.some((e) => e.source === 'wait-order' && e.sourceHandle === 'timeout')).toBe(
      false,
    );
  });
});
