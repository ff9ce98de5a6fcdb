import type { CompileContext } from '../context';

/** A journey starts at exactly one trigger (counting triggers that have problems of their own). */
export function singleTriggerRule(ctx: CompileContext): void {
  const order = (id: string) => Number(ctx.nodePath(id)[1] ?? 0);
  const ids = [
    ...ctx.graph.nodes.filter((n) => n.kind === 'trigger').map((n) => n.id),
    ...[...ctx.broken].filter(([, kind]) => kind === 'trigger').map(([id]) => id),
  ].sort((a, b) => order(a) - order(b));
  const [first, ...extra] = ids;
  if (first === undefined) {
    ctx.problems.push({
      code: 'JOURNEY_NO_TRIGGER',
      severity: 'error',
      message:
        'The journey has no trigger; add one (an event, a segment entry, a score, a date or an API call) to say who enters and when.',
      path: ['nodes'],
    });
    return;
  }
  const firstNode = ctx.nodes.get(first);
  const firstName = firstNode ? ctx.name(firstNode) : `"${first}"`;
  for (const id of extra) {
    const node = ctx.nodes.get(id);
    if (!node) continue;
    ctx.atNode(
      node,
      'JOURNEY_MANY_TRIGGERS',
      `A journey has one trigger, and ${firstName} is it; delete this one or make it a separate journey.`,
    );
  }
}
