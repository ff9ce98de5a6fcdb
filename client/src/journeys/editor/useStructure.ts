import { useState, useSyncExternalStore } from 'react';
import { sameStructure } from './compile-doc';
import { useEditorStore } from './EditorStoreContext';
import type { EditorDoc } from './flow.types';

/**
 * The document as of its last structural change (steps, their settings, edges, journey
 * settings): the same object while only positions, selection or measurements change, so what
 * reads the structure (the inspector's connection pickers) does not re-render during a drag.
 */
export function useStructure(): EditorDoc {
  const store = useEditorStore();
  const [latest] = useState(() => {
    let last: EditorDoc | undefined;
    return (doc: EditorDoc) => (last && sameStructure(last, doc) ? last : (last = doc));
  });
  return useSyncExternalStore(store.subscribe, () => latest(store.getState().history.present));
}
