import { createContext, useContext } from 'react';
import type { EditorStore } from './editor-store';

export const EditorStoreContext = createContext<EditorStore | null>(null);

/** The editor's store (inside `JourneyEditor`). */
export function useEditorStore(): EditorStore {
  const store = useContext(EditorStoreContext);
  if (!store) throw new Error('useEditorStore is used outside the journey editor.');
  return store;
}
