import type { JourneyCatalog } from '@cairn/schema';
import { useState, useSyncExternalStore } from 'react';
import { createCompileCache, type DocCompilation } from './compile-doc';
import { useEditorStore } from './EditorStoreContext';

/**
 * The draft compiled in the browser, as a store subscription: the result is the same object while
 * only positions, selection or measurements change, so a drag re-renders only the canvas.
 */
export function useCompilation(catalog: JourneyCatalog): DocCompilation {
  const store = useEditorStore();
  const [compile] = useState(createCompileCache);
  return useSyncExternalStore(store.subscribe, () =>
    compile(store.getState().history.present, catalog),
  );
}
