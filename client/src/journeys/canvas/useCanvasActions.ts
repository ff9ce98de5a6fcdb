import type { JourneyNodeKind } from '@cairn/schema';
import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { autoLayout, STEP_SIZE } from '../editor/auto-layout';
import { addStep } from '../editor/commands/add-step';
import { moveNodes } from '../editor/commands/move-nodes';
import type { EditorStore } from '../editor/editor-store';
import { freeSpot } from '../editor/free-spot';
import { newElementId } from '../editor/new-step';

const canvasBox = () =>
  document.querySelector('[data-testid="journey-canvas"]')?.getBoundingClientRect();

/**
 * What the editor's panels do to the canvas: focus a step (the problems panel), add a step
 * without dragging (the palette by keyboard: at the nearest free spot to the middle of the view,
 * brought into view), and tidy up (elkjs layout, then zoom to fit).
 */
export function useCanvasActions(store: EditorStore) {
  const flow = useReactFlow();

  const focusNode = useCallback(
    (id: string) => {
      store.run(
        (d) => ({
          ...d,
          nodes: d.nodes.map((n) =>
            n.selected === (n.id === id) ? n : { ...n, selected: n.id === id },
          ),
        }),
        'skip',
      );
      void flow.fitView({ nodes: [{ id }], duration: 300, maxZoom: 1.2 });
    },
    [store, flow],
  );

  const addStepAtFreeSpot = useCallback(
    (kind: JourneyNodeKind) => {
      const box = canvasBox();
      const center = flow.screenToFlowPosition({
        x: box ? box.left + box.width / 2 : 400,
        y: box ? box.top + box.height / 2 : 300,
      });
      const wanted = { x: center.x - STEP_SIZE.width / 2, y: center.y - STEP_SIZE.height / 2 };
      const position = freeSpot(store.getState().history.present, wanted, STEP_SIZE);
      store.run((d) => addStep(d, kind, position, newElementId(kind), () => newElementId('r')));
      if (!box) return;
      const topLeft = flow.screenToFlowPosition({ x: box.left, y: box.top });
      const bottomRight = flow.screenToFlowPosition({ x: box.right, y: box.bottom });
      const visible =
        position.x >= topLeft.x &&
        position.y >= topLeft.y &&
        position.x + STEP_SIZE.width <= bottomRight.x &&
        position.y + STEP_SIZE.height <= bottomRight.y;
      if (!visible)
        void flow.setCenter(position.x + STEP_SIZE.width / 2, position.y + STEP_SIZE.height / 2, {
          zoom: flow.getZoom(),
          duration: 200,
        });
    },
    [flow, store],
  );

  const layout = useCallback(async () => {
    const positions = await autoLayout(store.getState().history.present);
    store.run((d) => moveNodes(d, positions));
    window.requestAnimationFrame(() => void flow.fitView({ padding: 0.2, duration: 300 }));
  }, [store, flow]);

  return { focusNode, addStepAtFreeSpot, layout };
}
