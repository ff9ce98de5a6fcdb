import { moveBy } from './ops/move-node';
import { removeNode } from './ops/remove-node';
import { useRuleEditor } from './RuleEditorContext';

export const DRAG_TYPE = 'application/x-cairn-rule-node';

/** Drag handle, move up, move down and remove for one row or group. */
export function RowActions({ id, what }: { readonly id: string; readonly what: string }) {
  const { apply } = useRuleEditor();
  return (
    <span className="re-actions">
      <span
        className="re-handle"
        draggable
        title="Drag to move"
        aria-hidden="true"
        onDragStart={(e) => {
          e.dataTransfer.setData(DRAG_TYPE, id);
          e.dataTransfer.effectAllowed = 'move';
        }}
      >
        ⠿
      </span>
      <button
        type="button"
        className="re-icon"
        aria-label={`Move ${what} up`}
        title="Move up"
        onClick={() => apply((d) => moveBy(d, id, -1))}
      >
        ↑
      </button>
      <button
        type="button"
        className="re-icon"
        aria-label={`Move ${what} down`}
        title="Move down"
        onClick={() => apply((d) => moveBy(d, id, 1))}
      >
        ↓
      </button>
      <button
        type="button"
        className="re-icon re-icon--danger"
        aria-label={`Remove ${what}`}
        title="Remove"
        onClick={() => apply((d) => removeNode(d, id))}
      >
        ×
      </button>
    </span>
  );
}
