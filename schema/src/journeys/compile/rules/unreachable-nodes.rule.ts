import type { CompileContext } from '../context';

/** Every step can be reached from the trigger (goals watch the journey from outside the flow). */
export function unreachableNodesRule(ctx: CompileContext): void {
  const trigger =
    ctx.graph.nodes.find((n) => n.kind === 'trigger')?.id ??
    [...ctx.broken].find(([, kind]) => kind === 'trigger')?.[0];
  if (trigger === undefined) return; // reported by single-trigger
  const seen = new Set<string>([trigger]);
  const queue = [trigger];
  while (queue.length > 0) {
    for (const next of ctx.successors(queue.pop()!)) {
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(next);
    }
  }
  for (const node of ctx.graph.nodes) {
    if (seen.has(node.id) || node.kind === 'goal' || node.kind === 'trigger') continue;
    ctx.atNode(
      node,
      'JOURNEY_UNREACHABLE_NODE',
      `No path from the trigger reaches ${ctx.name(node)}; connect an output to it, or delete it.`,
    );
  }
}
