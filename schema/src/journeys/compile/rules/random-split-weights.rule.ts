import type { CompileContext } from '../context';

/** The arms of a random split share all customers: their weights add up to 100. */
export function randomSplitWeightsRule(ctx: CompileContext): void {
  for (const node of ctx.graph.nodes) {
    if (node.kind !== 'randomSplit') continue;
    const total = node.arms.reduce((sum, a) => sum + a.weight, 0);
    if (total !== 100) {
      ctx.atNode(
        node,
        'JOURNEY_WEIGHTS_NOT_100',
        `The arms of ${ctx.name(node)} add up to ${total}%; make them add up to 100%.`,
        ['arms'],
      );
    }
  }
}
