import type { Edge, Node } from '@xyflow/react';
import type { JourneyNode, JourneyNodeKind, JourneySettings } from '@cairn/schema';

/** A node of any kind without what React Flow holds itself (its id and position). */
export type StepBody = JourneyNode extends infer N
  ? N extends JourneyNode
    ? Omit<N, 'id' | 'position'>
    : never
  : never;

/** What a canvas node carries: the journey step it draws. */
export interface StepData extends Record<string, unknown> {
  readonly step: StepBody;
}

/** A canvas node; its React Flow `type` is the step's kind (the node types registry's key). */
export type FlowNode = Node<StepData, JourneyNodeKind>;

/** A canvas edge: always from a named output handle. */
export type FlowEdge = Edge & { readonly sourceHandle: string };

/**
 * The document the editor edits, in React Flow's shapes so the canvas takes it as is. Undo/redo
 * stores these; `toGraph` / `fromGraph` convert to and from the stored journey graph.
 */
export interface EditorDoc {
  readonly nodes: readonly FlowNode[];
  readonly edges: readonly FlowEdge[];
  readonly settings: JourneySettings;
}
