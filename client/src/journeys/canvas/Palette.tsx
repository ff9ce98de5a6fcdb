import type { JourneyNodeKind } from '@cairn/schema';
import type { DragEvent } from 'react';
import { PALETTE_KINDS, STEP_KINDS } from './step-meta';
import { StepIcon } from './StepIcon';

/** The data transfer type a palette item is dragged with. */
export const STEP_DRAG_TYPE = 'application/x-cairn-step';

const startDrag = (kind: JourneyNodeKind) => (event: DragEvent) => {
  event.dataTransfer.setData(STEP_DRAG_TYPE, kind);
  event.dataTransfer.effectAllowed = 'move';
};

/**
 * The step kinds, dragged onto the canvas; Enter or a click adds one at the free spot nearest
 * the middle of the view (the keyboard way), selected so the inspector shows it.
 */
export function Palette({ onAdd }: { readonly onAdd: (kind: JourneyNodeKind) => void }) {
  return (
    <aside className="palette" aria-label="Steps">
      <h2 className="palette__title">Steps</h2>
      <p className="palette__hint muted">Drag onto the canvas, or press Enter to add.</p>
      <ul className="palette__list">
        {PALETTE_KINDS.map((kind) => {
          const meta = STEP_KINDS[kind];
          return (
            <li key={kind}>
              <button
                type="button"
                className={`palette__item step--${meta.tone}`}
                draggable
                onDragStart={startDrag(kind)}
                onClick={() => onAdd(kind)}
                data-testid={`palette-${kind}`}
              >
                <StepIcon kind={kind} />
                <span>
                  <span className="palette__name">{meta.title}</span>
                  <span className="palette__desc">{meta.hint}</span>
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </aside>
  );
}
