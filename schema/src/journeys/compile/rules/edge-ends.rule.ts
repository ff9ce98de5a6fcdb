import type { CompileContext } from '../context';
import { acceptsInput, outputHandles } from '../context';

/**
 * Every edge leaves from a handle its source has and leads to a node that accepts input. Only the
 * edges that pass are connected (the other rules see the graph as it would run).
 */
export function edgeEndsRule(ctx: CompileContext): void {
  for (const edge of ctx.graph.edges) {
    const source = ctx.nodes.get(edge.source);
    const target = ctx.nodes.get(edge.target);
    const brokenSource = ctx.broken.has(edge.source);
    const brokenTarget = ctx.broken.get(edge.target);
    if (brokenSource || brokenTarget) {
      // A node with problems of its own: keep the edge so nothing after it looks unreachable.
      if (
        (source || brokenSource) &&
        (target || (brokenTarget && brokenTarget !== 'trigger' && brokenTarget !== 'goal'))
      )
        ctx.connect(edge);
      continue;
    }
    if (!source || !target) {
      const missing = !source ? ['source', edge.source] : ['target', edge.target];
      ctx.atEdge(
        edge,
        'JOURNEY_EDGE_UNKNOWN_NODE',
        `The edge's ${missing[0]} "${missing[1]}" is not a node of this journey; delete the edge or reconnect it.`,
        [missing[0]!],
      );
      continue;
    }
    const handles = outputHandles(source);
    if (!handles.includes(edge.sourceHandle)) {
      const has = handles.length
        ? `it has ${handles.map((h) => `"${h}"`).join(', ')}`
        : 'it has no outputs';
      ctx.atEdge(
        edge,
        'JOURNEY_EDGE_UNKNOWN_HANDLE',
        `${ctx.name(source)} has no output "${edge.sourceHandle}" (${has}); reconnect the edge from one of them.`,
        ['sourceHandle'],
      );
      continue;
    }
    if (!acceptsInput(target)) {
      ctx.atEdge(
        edge,
        'JOURNEY_EDGE_INTO_START',
        target.kind === 'trigger'
          ? `Nothing can lead into the trigger ${ctx.name(target)}: it is where the journey starts. Delete the edge.`
          : `A goal is not part of the flow (it watches every customer in the journey); delete the edge into ${ctx.name(target)}.`,
        ['target'],
      );
      continue;
    }
    ctx.connect(edge);
  }
}
