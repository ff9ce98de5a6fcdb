import { useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';
import { copySelection, pasteClip } from '../editor/commands/clipboard';
import type { EditorStore } from '../editor/editor-store';
import { newElementId } from '../editor/new-step';

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/**
 * Undo (Ctrl/⌘+Z), redo (Ctrl/⌘+Shift+Z, Ctrl+Y), copy/paste of the selected steps (Ctrl/⌘+C,
 * Ctrl/⌘+V) and zoom to fit (Shift+1), anywhere in the editor except while typing in a field.
 */
export function useCanvasShortcuts(store: EditorStore, readOnly: boolean) {
  const { fitView } = useReactFlow();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event.target)) return;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (event.shiftKey && event.key === '!') {
        void fitView({ padding: 0.2, duration: 200 });
        return;
      }
      if (!mod || readOnly) return;
      if (key === 'z' && !event.shiftKey) store.undo();
      else if ((key === 'z' && event.shiftKey) || key === 'y') store.redo();
      else if (key === 'c') store.setClipboard(copySelection(store.getState().history.present));
      else if (key === 'v') {
        const clip = store.getState().clipboard;
        if (clip) store.run((d) => pasteClip(d, clip, newElementId));
      } else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, readOnly, fitView]);
}
