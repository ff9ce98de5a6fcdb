import type { JourneyNodeKind } from '@cairn/schema';
import type { EditorDoc, FlowNode } from '../flow.types';
import { newStep } from '../new-step';

/** Adds a new step of `kind` at `position`, selected (and everything else unselected). */
export function addStep(
  doc: EditorDoc,
  kind: JourneyNodeKind,
  position: { x: number; y: number },
  id: string,
  newId: () => string,
): EditorDoc {
  const node: FlowNode = {
    id,
    type: kind,
    position,
    data: { step: newStep(kind, newId) },
    selected: true,
  };
  return { ...doc, nodes: [...doc.nodes.map(unselect), node] };
}

const unselect = (n: FlowNode): FlowNode => (n.selected ? { ...n, selected: false } : n);
