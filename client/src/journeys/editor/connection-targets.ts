import { acceptsInput, outputHandles } from '@cairn/schema';
import type { EditorDoc, FlowEdge, FlowNode } from './flow.types';
import { toJourneyNode } from './graph-convert';

/** One output handle of a step and the edge leaving it, if it is connected. */
export interface OutputLink {
  readonly handle: string;
  readonly edge: FlowEdge | undefined;
}

/**
 * The step's output handles, in the order the node draws them, each with its edge.
 *
 * @example
 * outputLinks(doc, 'cond') // [{ handle: 'yes', edge: { target: 'email', ... } }, { handle: 'no', edge: undefined }]
 */
export function outputLinks(doc: EditorDoc, nodeId: string): readonly OutputLink[] {
  const node = doc.nodes.find((n) => n.id === nodeId);
  if (!node) return [];
  return outputHandles(toJourneyNode(node)).map((handle) => ({
    handle,
    edge: doc.edges.find((e) => e.source === nodeId && e.sourceHandle === handle),
  }));
}

/**
 * The steps this output can be connected to: those `refuseConnection` (the rule the canvas uses
 * while dragging) accepts once the handle's current edge, if any, is taken away, so a connected
 * output can be moved to another step. One pass over the nodes (a 300-step journey stays cheap).
 *
 * @example
 * connectionTargets(doc, 'cond', 'no').map((n) => n.id) // ['wait', 'email', 'exit'] (not the trigger, not a goal)
 */
export function connectionTargets(
  doc: EditorDoc,
  source: string,
  handle: string,
): readonly FlowNode[] {
  const node = doc.nodes.find((n) => n.id === source);
  if (!node || !outputHandles(toJourneyNode(node)).includes(handle)) return [];
  return doc.nodes.filter((n) => n.id !== source && acceptsInput(toJourneyNode(n)));
}
