import { useSyncExternalStore } from 'react';
import type { EditorState } from './editor-store';
import { useEditorStore } from './EditorStoreContext';

/**
 * A slice of the editor state; re-renders only when the selected value changes. Pass a selector
 * declared at module scope (`selectors.ts`).
 *
 * @example
 * const nodes = useEditor(selectNodes);
 */
export function useEditor<T>(selector: (s: EditorState) => T): T {
  const store = useEditorStore();
  return useSyncExternalStore(store.subscribe, () => selector(store.getState()));
}
