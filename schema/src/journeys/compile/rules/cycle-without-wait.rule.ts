import type { CompileContext } from '../context';

/**
 * A loop must pass through a wait, or a customer would circle it without end in one instant.
 * Finds the strongly connected components of the graph without its waits (Tarjan) and reports
 * each loop once, on its first node, naming the steps in it.
 */
export function cycleWithoutWaitRule(ctx: CompileContext): void {
  const isStep = (id: string) => ctx.nodes.get(id)?.kind !== 'wait';
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  let counter = 0;
  const components: string[][] = [];

  const strongConnect = (start: string): void => {
    // Iterative Tarjan: a frame is a node and the successors still to visit.
    const frames: Array<{ id: string; next: string[] }> = [];
    const open = (id: string) => {
      index.set(id, counter);
      low.set(id, counter++);
      stack.push(id);
      onStack.add(id);
      frames.push({ id, next: ctx.successors(id).filter(isStep) });
    };
    open(start);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]!;
      const succ = frame.next.pop();
      if (succ !== undefined) {
        if (!index.has(succ)) open(succ);
        else if (onStack.has(succ))
          low.set(frame.id, Math.min(low.get(frame.id)!, index.get(succ)!));
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(frame.id)!));
      if (low.get(frame.id) === index.get(frame.id)) {
        const component: string[] = [];
        let id: string;
        do {
          id = stack.pop()!;
          onStack.delete(id);
          component.push(id);
        } while (id !== frame.id);
        const selfLoop = component.length === 1 && ctx.successors(frame.id).includes(frame.id);
        if (component.length > 1 || selfLoop) components.push(component.reverse());
      }
    }
  };

  for (const node of ctx.graph.nodes)
    if (isStep(node.id) && !index.has(node.id)) strongConnect(node.id);
  const order = new Map(ctx.graph.nodes.map((n, i) => [n.id, i]));
  for (const component of components) {
    component.sort((a, b) => order.get(a)! - order.get(b)!);
    const first = ctx.nodes.get(component[0]!)!;
    const names = component.map((id) => ctx.name(ctx.nodes.get(id)!)).join(' → ');
    ctx.atNode(
      first,
      'JOURNEY_CYCLE_WITHOUT_WAIT',
      `These steps form a loop with no wait in it: ${names}. Add a wait inside the loop, or break it.`,
    );
  }
}
