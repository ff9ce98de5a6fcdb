import type { CompileContext } from '../context';

/** A wait for an event needs a timeout, or customers who never do it wait forever. */
export function waitTimeoutRule(ctx: CompileContext): void {
  for (const node of ctx.graph.nodes) {
    if (node.kind !== 'wait' || node.wait.type !== 'event' || node.wait.timeout) continue;
    ctx.atNode(
      node,
      'JOURNEY_WAIT_WITHOUT_TIMEOUT',
      `${ctx.name(node)} waits for "${node.wait.event}" with no timeout, so customers who never do it wait forever; set a timeout and connect its "timeout" output.`,
      ['wait', 'timeout'],
    );
  }
}
