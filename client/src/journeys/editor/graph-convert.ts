import {
  JOURNEY_GRAPH_VERSION,
  type JourneyEdge,
  type JourneyGraph,
  type JourneyNode,
} from '@cairn/schema';
import type { EditorDoc, FlowEdge, FlowNode, StepBody } from './flow.types';

/** Where a node without a stored position is drawn (the compiler ignores positions). */
const ORIGIN = { x: 0, y: 0 };

/**
 * The journey graph the API stores, from the editor's document. Only what the graph holds is
 * kept: React Flow's selection, measurements and drag state are left out.
 *
 * @example
 * toGraph(doc).nodes[0] // { id: 'trigger', kind: 'trigger', position: { x: 0, y: 0 }, trigger }
 */
export function toGraph(doc: EditorDoc): JourneyGraph {
  return {
    version: JOURNEY_GRAPH_VERSION,
    nodes: doc.nodes.map(toJourneyNode),
    edges: doc.edges.map(toJourneyEdge),
    settings: doc.settings,
  };
}

export function toJourneyNode(node: FlowNode): JourneyNode {
  const position = { x: node.position.x, y: node.position.y };
  return { ...node.data.step, id: node.id, position } as JourneyNode;
}

const toJourneyEdge = (edge: FlowEdge): JourneyEdge => ({
  id: edge.id,
  source: edge.source,
  sourceHandle: edge.sourceHandle,
  target: edge.target,
});

/**
 * The editor's document from a stored journey graph; `toGraph(fromGraph(g))` is `g` for a graph
 * whose nodes all have positions, and `fromGraph(toGraph(doc))` is `doc` (property-tested).
 */
export function fromGraph(graph: JourneyGraph): EditorDoc {
  return {
    nodes: graph.nodes.map(toFlowNode),
    edges: graph.edges.map(toFlowEdge),
    settings: graph.settings,
  };
}

export function toFlowNode(node: JourneyNode): FlowNode {
  const { id, position, ...step } = node;
  const at = position ?? ORIGIN;
  return {
    id,
    type: node.kind,
    position: { x: at.x, y: at.y },
    data: { step: step as StepBody },
  };
}

export const toFlowEdge = (edge: JourneyEdge): FlowEdge => ({
  id: edge.id,
  source: edge.source,
  sourceHandle: edge.sourceHandle,
  target: edge.target,
});
