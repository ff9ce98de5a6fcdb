import type { RuleCatalog } from '../../rules/validate/catalog';
import type { JsonPath } from '../../rules/validate/reader';
import { acceptsInput, outputHandles } from '../handles';
import type { JourneyEdge, JourneyGraph, JourneyNode } from '../journey.types';
import type { JourneyProblem, JourneyProblemCode, ProblemSeverity } from './problems';

/** What the workspace holds: traits, events, segments, score models (from the data catalog). */
export type JourneyCatalog = RuleCatalog;

/**
 * The graph as the compile rules see it: nodes by id, the edges that connect real handles, and
 * a `report` that pins each problem to a node or an edge. Built once per compile.
 */
export class CompileContext {
  readonly problems: JourneyProblem[] = [];
  readonly nodes = new Map<string, JourneyNode>();
  /** Edges whose ends and handle exist: node id → handle → the first such edge. */
  readonly outputs = new Map<string, Map<string, JourneyEdge>>();
  /** Every edge that passed `edge-ends`, in graph order. */
  readonly validEdges: JourneyEdge[] = [];

  constructor(
    readonly graph: JourneyGraph,
    readonly nodePaths: ReadonlyMap<string, JsonPath>,
    readonly edgePaths: ReadonlyMap<string, JsonPath>,
    readonly catalog: JourneyCatalog | undefined,
    /** Nodes that could not be read (their problems are reported): edges to and from them are trusted. */
    readonly broken: ReadonlyMap<string, JourneyNode['kind']> = new Map(),
  ) {
    for (const n of graph.nodes) this.nodes.set(n.id, n);
  }

  /** Records an edge that connects an existing handle to a node that accepts input. */
  connect(edge: JourneyEdge): void {
    this.validEdges.push(edge);
    let byHandle = this.outputs.get(edge.source);
    if (!byHandle) this.outputs.set(edge.source, (byHandle = new Map()));
    if (!byHandle.has(edge.sourceHandle)) byHandle.set(edge.sourceHandle, edge);
  }

  /** The node an output handle leads to, when connected. */
  next(nodeId: string, handle: string): string | undefined {
    return this.outputs.get(nodeId)?.get(handle)?.target;
  }

  /** The nodes that the node's connected outputs lead to. */
  successors(nodeId: string): string[] {
    return [...(this.outputs.get(nodeId)?.values() ?? [])].map((e) => e.target);
  }

  nodePath(nodeId: string, ...rest: JsonPath): JsonPath {
    return [...(this.nodePaths.get(nodeId) ?? ['nodes']), ...rest];
  }

  atNode(
    node: JourneyNode,
    code: JourneyProblemCode,
    message: string,
    field: JsonPath = [],
    severity: ProblemSeverity = 'error',
  ): void {
    this.problems.push({
      code,
      severity,
      message,
      path: this.nodePath(node.id, ...field),
      nodeId: node.id,
    });
  }

  atEdge(edge: JourneyEdge, code: JourneyProblemCode, message: string, field: JsonPath = []): void {
    const path = [...(this.edgePaths.get(edge.id) ?? ['edges']), ...field];
    this.problems.push({ code, severity: 'error', message, path, edgeId: edge.id });
  }

  /** A short name of a node for messages: its label, else its kind and id. */
  name(node: JourneyNode): string {
    return node.label ? `"${node.label}"` : `the ${node.kind} node "${node.id}"`;
  }
}

export { acceptsInput, outputHandles };
