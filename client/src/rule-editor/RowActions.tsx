import type { RuleDraft } from './draft.types';
import { crossMoves, moveIntoPrevious, moveOut } from './ops/move-across';
import { moveBy } from './ops/move-node';
import { removeNode } from './ops/remove-node';
import { useRuleEditor } from './RuleEditorContext';

export const DRAG_TYPE = 'application/x-cairn-rule-node';

interface Action {
  readonly glyph: string;
  /** Completes "Move <what> …" / "Remove <what>" for screen readers. */
  readonly label: (what: string) => string;
  readonly title: string;
  readonly run: (draft: RuleDraft, id: string) => RuleDraft;
  readonly danger?: boolean;
}

const UP: Action = {
  glyph: '↑',
  label: (w) => `Move ${w} up`,
  title: 'Move up',
  run: (d, id) => moveBy(d, id, -1),
};
const DOWN: Action = {
  glyph: '↓',
  label: (w) => `Move ${w} down`,
  title: 'Move down',
  run: (d, id) => moveBy(d, id, 1),
};
const OUT: Action = {
  glyph: '←',
  label: (w) => `Move ${w} out of its group`,
  title: 'Move out of the group',
  run: moveOut,
};
const INTO: Action = {
  glyph: '→',
  label: (w) => `Move ${w} into the group above`,
  title: 'Move into the group above',
  run: moveIntoPrevious,
};
const REMOVE: Action = {
  glyph: '×',
  label: (w) => `Remove ${w}`,
  title: 'Remove',
  run: removeNode,
  danger: true,
};

/** Drag handle, move up / down / out / into the group above, and remove, for one row or group. */
export function RowActions({ id, what }: { readonly id: string; readonly what: string }) {
  const { apply, draft } = useRuleEditor();
  const can = crossMoves(draft, id);
  const actions = [
    UP,
    DOWN,
    ...(can.out ? [OUT] : []),
    ...(can.intoPrevious ? [INTO] : []),
    REMOVE,
  ];
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
      {actions.map((action) => (
        <button
          key={action.title}
          type="button"
          className={`re-icon${action.danger ? ' re-icon--danger' : ''}`}
          aria-label={action.label(what)}
          title={action.title}
          onClick={() => apply((d) => action.run(d, id))}
        >
          {action.glyph}
        </button>
      ))}
    </span>
  );
}
