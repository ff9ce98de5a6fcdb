import type { EditorDoc } from './flow.types';
import { push, redo, startHistory, undo, type History, type Record } from './history';
import type { Clip } from './commands/clipboard';

/** Everything the editor holds: the document with its undo history, and the clipboard. */
export interface EditorState {
  readonly history: History<EditorDoc>;
  readonly clipboard?: Clip;
  /** Bumped on every edit of the document, not on selection or measurement (autosave watches it). */
  readonly edits: number;
}

/** A pure command: the next document from the current one. */
export type Command = (doc: EditorDoc) => EditorDoc;

/**
 * A small store of its own for the editor (no context re-renders: components subscribe with a
 * module-scope selector through `useEditor`). Commands are pure functions; the store only decides
 * how each enters the undo history.
 */
export interface EditorStore {
  getState(): EditorState;
  subscribe(listener: () => void): () => void;
  /** Runs a command; `record` (default) makes it one undo step. */
  run(command: Command, mode?: Record): void;
  undo(): void;
  redo(): void;
  setClipboard(clip: Clip | undefined): void;
  /** Starts over from a document (a reload after a conflict), with an empty history. */
  reset(doc: EditorDoc): void;
}

export function createEditorStore(doc: EditorDoc): EditorStore {
  let state: EditorState = { history: startHistory(doc), edits: 0 };
  const listeners = new Set<() => void>();
  const set = (next: EditorState) => {
    if (next === state) return;
    state = next;
    for (const l of listeners) l();
  };
  /** Selection and measurements (`skip`) change the present without being an edit to save. */
  const withHistory = (history: History<EditorDoc>, mode: Record = 'record') =>
    history === state.history
      ? state
      : {
          ...state,
          history,
          edits:
            mode === 'skip' || history.present === state.history.present
              ? state.edits
              : state.edits + 1,
        };
  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    run(command, mode = 'record') {
      set(withHistory(push(state.history, command(state.history.present), mode), mode));
    },
    undo: () => set(withHistory(undo(state.history))),
    redo: () => set(withHistory(redo(state.history))),
    setClipboard: (clip) => set({ ...state, clipboard: clip }),
    reset: (next) => set({ history: startHistory(next), edits: 0 }),
  };
}
