import type { JourneyGraph } from '@cairn/schema';
import { conflictChanges, sameDraft, takeTheirs, type LatestDraft } from './conflict';
import type { EditorStore } from './editor-store';
import type { EditorProblem } from './merge-problems';
import { toGraph } from './graph-convert';

/** Where the draft stands against the server. */
export type SaveStatus =
  | { readonly state: 'saved' }
  | { readonly state: 'pending' | 'saving' }
  | { readonly state: 'conflict' }
  | { readonly state: 'error'; readonly message: string };

/** What a save of the draft returned. */
export type SaveOutcome =
  | { readonly ok: true; readonly revision: number; readonly problems: readonly EditorProblem[] }
  | { readonly ok: false; readonly conflict: true }
  | { readonly ok: false; readonly conflict?: false; readonly message: string };

/** A save the server refused because the draft was saved elsewhere since this editor's revision. */
export interface DraftConflict {
  /** Their draft, once loaded (undefined while loading, or when it could not be loaded). */
  readonly theirs: LatestDraft | undefined;
  /** What this editor's draft changes compared to theirs. */
  readonly changes: readonly string[];
}

export interface DraftSyncState {
  readonly status: SaveStatus;
  readonly conflict: DraftConflict | undefined;
  /** The server's compile of the last draft it saved (it checks names against the workspace). */
  readonly problems: readonly EditorProblem[];
}

export interface DraftSyncOptions {
  readonly store: EditorStore;
  /** The draft revision the editor opened. */
  readonly revision: number;
  readonly save: (graph: JourneyGraph, revision: number) => Promise<SaveOutcome>;
  readonly loadLatest: () => Promise<LatestDraft | undefined>;
  /** Quiet time after the last edit before saving. */
  readonly delayMs: number;
}

export interface DraftSync {
  getState(): DraftSyncState;
  subscribe(listener: () => void): () => void;
  /** Saves now if anything is unsaved; resolves true once the server has the current draft. */
  flush(): Promise<boolean>;
  /** Conflict: their draft replaces this one, as one undo step (undo brings this one back). */
  reloadTheirs(): Promise<boolean>;
  /** Conflict: this draft is saved over theirs, on their (latest) revision. */
  keepMine(): Promise<boolean>;
  /** Starts watching the editor's edits; the function returned stops (and drops a pending save). */
  start(): () => void;
}

/**
 * Autosave of the journey draft, framework-free: saves `delayMs` after the last edit with the
 * revision it started from. When the server refuses a stale revision (CONFLICT) saving stops,
 * edits stay local, and the marketer chooses: reload theirs (an undoable step) or keep mine
 * (saved over theirs with the fresh revision). Nothing is dropped without that choice; a draft
 * saved elsewhere that is the same as this one resolves the conflict by itself.
 */
export function createDraftSync(options: DraftSyncOptions): DraftSync {
  const { store } = options;
  let revision = options.revision;
  let savedEdits: number | undefined = store.getState().edits;
  let inFlight: Promise<boolean> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let state: DraftSyncState = { status: { state: 'saved' }, conflict: undefined, problems: [] };
  const listeners = new Set<() => void>();
  const set = (patch: Partial<DraftSyncState>) => {
    state = { ...state, ...patch };
    for (const l of listeners) l();
  };
  const edits = () => store.getState().edits;

  const openConflict = async () => {
    const doc = store.getState().history.present;
    set({ status: { state: 'conflict' }, conflict: { theirs: undefined, changes: [] } });
    const theirs = await options.loadLatest().catch(() => undefined);
    if (!state.conflict) return;
    const mine = store.getState().history.present;
    if (theirs && mine === doc && sameDraft(mine, theirs.graph)) {
      revision = theirs.revision;
      savedEdits = edits();
      return set({ status: { state: 'saved' }, conflict: undefined });
    }
    set({ conflict: { theirs, changes: theirs ? conflictChanges(mine, theirs.graph) : [] } });
  };

  const saveNow = async (): Promise<boolean> => {
    const at = edits();
    if (at === savedEdits) return true;
    set({ status: { state: 'saving' } });
    const outcome = await options
      .save(toGraph(store.getState().history.present), revision)
      .catch((e: unknown): SaveOutcome => ({ ok: false, message: String(e) }));
    if (outcome.ok) {
      revision = outcome.revision;
      savedEdits = at;
      set({
        status: edits() === at ? { state: 'saved' } : { state: 'pending' },
        problems: outcome.problems,
      });
      return true;
    }
    if (outcome.conflict) await openConflict();
    else set({ status: { state: 'error', message: outcome.message } });
    return false;
  };

  const flush = async (): Promise<boolean> => {
    await inFlight;
    if (state.conflict) return false;
    const run = saveNow();
    inFlight = run;
    return run;
  };

  const onEdit = () => {
    if (edits() === savedEdits) return;
    if (state.conflict) return; // kept here until the marketer chooses
    if (state.status.state !== 'pending') set({ status: { state: 'pending' } });
    clearTimeout(timer);
    timer = setTimeout(() => void flush(), options.delayMs);
  };

  const latest = async () => state.conflict?.theirs ?? (await options.loadLatest());

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    flush,
    async reloadTheirs() {
      const theirs = await latest().catch(() => undefined);
      if (!theirs) return false;
      revision = theirs.revision;
      // Marked saved before the edit lands, so the subscription does not save theirs back.
      savedEdits = edits() + 1;
      store.run((doc) => takeTheirs(doc, theirs.graph));
      savedEdits = edits();
      set({ status: { state: 'saved' }, conflict: undefined, problems: [] });
      return true;
    },
    async keepMine() {
      const fresh = await options.loadLatest().catch(() => undefined);
      if (!fresh) return false;
      revision = fresh.revision;
      savedEdits = undefined;
      set({ conflict: undefined });
      return flush();
    },
    start() {
      const unsubscribe = store.subscribe(onEdit);
      return () => {
        unsubscribe();
        clearTimeout(timer);
      };
    },
  };
}
