import type { CompileContext } from '../context';

/** An output leads to one next step; a second edge from the same handle is ambiguous. */
export function handleUsedTwiceRule(ctx: CompileContext): void {
  for (const edge of ctx.validEdges) {
    const first = ctx.outputs.get(edge.source)?.get(edge.sourceHandle);
    if (first && first.id !== edge.id) {
      const source = ctx.nodes.get(edge.source)!;
      ctx.atEdge(
        edge,
        'JOURNEY_HANDLE_USED_TWICE',
        `The output "${edge.sourceHandle}" of ${ctx.name(source)} already leads to "${first.target}"; an output leads to one step. Delete one edge, or add a split.`,
        ['sourceHandle'],
      );
    }
  }
}
