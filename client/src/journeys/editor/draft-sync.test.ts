import { JOURNEY_EXAMPLES, type JourneyGraph } from '@cairn/schema';
import { describe, expect, it } from 'vitest';
import { addStep } from './commands/add-step';
import { updateStep } from './commands/update-step';
import { conflictChanges, sameDraft, takeTheirs } from './conflict';
import { createDraftSync, type SaveOutcome } from './draft-sync';
import { createEditorStore } from './editor-store';
import { fromGraph, toGraph } from './graph-convert';
import { selectDoc } from './selectors';

const example = JOURNEY_EXAMPLES.cartAbandoned as JourneyGraph;
const renamed = (graph: JourneyGraph, id: string, label: string): JourneyGraph => ({
  ...graph,
  nodes: graph.nodes.map((n) => (n.id === id ? { ...n, label } : n)),
});

/** A server that keeps one draft with a revision, refusing stale saves as the API does. */
function fakeServer(graph: JourneyGraph, revision = 1) {
  const server = {
    graph,
    revision,
    saves: 0,
    save: async (g: JourneyGraph, r: number): Promise<SaveOutcome> => {
      server.saves++;
      if (r !== server.revision) return { ok: false, conflict: true };
      server.graph = g;
      server.revision++;
      return { ok: true, revision: server.revision, problems: [] };
    },
    loadLatest: async () => ({ graph: server.graph, revision: server.revision }),
    /** Someone else saves, behind the editor's back. */
    saveElsewhere(g: JourneyGraph) {
      server.graph = g;
      server.revision++;
    },
  };
  return server;
}

function editorOn(server: ReturnType<typeof fakeServer>) {
  const store = createEditorStore(fromGraph(server.graph));
  const sync = createDraftSync({
    store,
    revision: server.revision,
    save: server.save,
    loadLatest: server.loadLatest,
    delayMs: 60_000, // the tests flush by hand
  });
  sync.start();
  const rename = (id: string, label: string) =>
    store.run((d) => {
      const node = d.nodes.find((n) => n.id === id)!;
      return updateStep(d, id, { ...node.data.step, label });
    });
  return { store, sync, rename };
}

describe('saving the draft', () => {
  it('saves each edit with the revision it started from and keeps the server’s problems', async () => {
    const server = fakeServer(example);
    const problems = [
      { code: 'JOURNEY_UNKNOWN_SEGMENT', severity: 'error', message: 'x', path: [] },
    ] as const;
    const save = server.save;
    server.save = async (g, r) => {
      const out = await save(g, r);
      return out.ok ? { ...out, problems } : out;
    };
    const { sync, rename } = editorOn(server);
    rename('reminder', 'Nudge');
    expect(sync.getState().status.state).toBe('pending');
    expect(await sync.flush()).toBe(true);
    expect(server.revision).toBe(2);
    expect(server.graph.nodes.find((n) => n.id === 'reminder')?.label).toBe('Nudge');
    expect(sync.getState()).toMatchObject({ status: { state: 'saved' }, problems });
    expect(await sync.flush()).toBe(true);
    expect(server.saves).toBe(1);
  });

  it('stops at a conflict, keeps the local edits, and saves them over theirs when kept', async () => {
    const server = fakeServer(example);
    const { sync, store, rename } = editorOn(server);
    server.saveElsewhere(renamed(example, 'done', 'Theirs'));
    rename('reminder', 'Mine');
    expect(await sync.flush()).toBe(false);
    const { conflict } = sync.getState();
    expect(sync.getState().status.state).toBe('conflict');
    expect(conflict?.theirs?.revision).toBe(2);
    expect(conflict?.changes.join(' ')).toMatch(/Renamed/);
    // Further edits stay here and are not sent while the conflict is open.
    rename('reminder', 'Mine again');
    expect(await sync.flush()).toBe(false);
    expect(server.saves).toBe(1);

    expect(await sync.keepMine()).toBe(true);
    expect(sync.getState()).toMatchObject({ status: { state: 'saved' }, conflict: undefined });
    expect(server.revision).toBe(3);
    expect(server.graph).toEqual(toGraph(selectDoc(store.getState())));
    expect(server.graph.nodes.find((n) => n.id === 'reminder')?.label).toBe('Mine again');
  });

  it('reloads theirs as one undo step, so undo brings the local draft back (and saves it)', async () => {
    const server = fakeServer(example);
    const { sync, store, rename } = editorOn(server);
    const theirs = renamed(example, 'done', 'Theirs');
    server.saveElsewhere(theirs);
    rename('reminder', 'Mine');
    await sync.flush();
    expect(await sync.reloadTheirs()).toBe(true);
    expect(toGraph(selectDoc(store.getState()))).toEqual(theirs);
    expect(sync.getState()).toMatchObject({ status: { state: 'saved' }, conflict: undefined });
    expect(await sync.flush()).toBe(true);
    expect(server.saves).toBe(1); // theirs is not saved back

    store.undo();
    expect(
      selectDoc(store.getState()).nodes.find((n) => n.id === 'reminder')?.data.step.label,
    ).toBe('Mine');
    expect(await sync.flush()).toBe(true);
    expect(server.revision).toBe(3);
    expect(server.graph.nodes.find((n) => n.id === 'reminder')?.label).toBe('Mine');
  });

  it('resolves a conflict by itself when the draft saved elsewhere is this one', async () => {
    const server = fakeServer(example);
    const { sync, rename } = editorOn(server);
    rename('reminder', 'Same');
    server.saveElsewhere(renamed(example, 'reminder', 'Same'));
    expect(await sync.flush()).toBe(false);
    expect(sync.getState()).toMatchObject({ status: { state: 'saved' }, conflict: undefined });
    rename('reminder', 'Later');
    expect(await sync.flush()).toBe(true);
    expect(server.revision).toBe(3);
  });

  it('reports a failed save and tries again on the next edit', async () => {
    const server = fakeServer(example);
    let down = true;
    const save = server.save;
    server.save = (g, r) =>
      down ? Promise.resolve({ ok: false, message: 'offline' }) : save(g, r);
    const { sync, rename } = editorOn(server);
    rename('reminder', 'A');
    expect(await sync.flush()).toBe(false);
    expect(sync.getState().status).toEqual({ state: 'error', message: 'offline' });
    down = false;
    rename('reminder', 'B');
    expect(await sync.flush()).toBe(true);
    expect(server.graph.nodes.find((n) => n.id === 'reminder')?.label).toBe('B');
  });
});

describe('conflict helpers', () => {
  it('takes their draft but keeps this screen’s selection and measurements', () => {
    const mine = fromGraph(example);
    const local = {
      ...mine,
      nodes: mine.nodes.map((n) =>
        n.id === 'reminder' ? { ...n, selected: true, measured: { width: 250, height: 90 } } : n,
      ),
    };
    const theirs = renamed(example, 'reminder', 'Theirs');
    const doc = takeTheirs(local, theirs);
    expect(toGraph(doc)).toEqual(theirs);
    expect(doc.nodes.find((n) => n.id === 'reminder')).toMatchObject({
      selected: true,
      measured: { width: 250, height: 90 },
      data: { step: { label: 'Theirs' } },
    });
  });

  it('says what this draft changes compared to theirs, and when the two are the same', () => {
    const mine = addStep(fromGraph(example), 'exit', { x: 0, y: 0 }, 'extra', () => 'r');
    expect(conflictChanges(mine, example)).toContain('Added "Exit".');
    expect(sameDraft(mine, example)).toBe(false);
    // Key order does not make two drafts differ.
    const reversed = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(reversed)
        : v && typeof v === 'object'
          ? Object.fromEntries(
              Object.entries(v)
                .reverse()
                .map(([k, x]) => [k, reversed(x)]),
            )
          : v;
    const reordered = reversed(example) as JourneyGraph;
    expect(Object.keys(reordered)).not.toEqual(Object.keys(example));
    expect(sameDraft(fromGraph(example), reordered)).toBe(true);
  });
});
