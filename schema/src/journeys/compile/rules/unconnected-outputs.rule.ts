import { outputHandles, type CompileContext } from '../context';

/** Every output leads somewhere: a path that should end goes into an exit node. */
export function unconnectedOutputsRule(ctx: CompileContext): void {
  for (const node of ctx.graph.nodes) {
    for (const handle of outputHandles(node)) {
      if (ctx.next(node.id, handle) !== undefined) continue;
      const which = handle === 'next' ? 'Its output' : `The output "${handle}"`;
      ctx.atNode(
        node,
        'JOURNEY_OUTPUT_UNCONNECTED',
        `${which} of ${ctx.name(node)} leads nowhere; connect it to the next step, or to an exit.`,
        [],
      );
    }
  }
}
