import type { NodeCounts } from './CanvasAnnotations';

/** A journey's counts as the API returns them (`JourneyStats`: live, or a backtest's projection). */
export interface StatsLike {
  readonly entered: number;
  readonly converted: number;
  readonly nodes: readonly (NodeCounts & { readonly nodeId: string })[];
}

/**
 * Counts per step, to draw on the canvas. Customers pass through a trigger without stopping, so
 * where the counts have no row for a trigger it shows the journey's own entries and conversions.
 *
 * @example
 * countsByNode({ entered: 3, converted: 1, nodes: [{ nodeId: 'wait', entered: 3, waiting: 2, converted: 0 }] }, ['trigger'])
 * // Map { 'wait' => { entered: 3, waiting: 2, converted: 0 }, 'trigger' => { entered: 3, waiting: 0, converted: 1 } }
 */
export function countsByNode(
  stats: StatsLike,
  triggerIds: readonly string[],
): ReadonlyMap<string, NodeCounts> {
  const byNode = new Map<string, NodeCounts>(
    stats.nodes.map((n) => [
      n.nodeId,
      { entered: n.entered, waiting: n.waiting, converted: n.converted },
    ]),
  );
  for (const id of triggerIds)
    if (!byNode.has(id))
      byNode.set(id, { entered: stats.entered, waiting: 0, converted: stats.converted });
  return byNode;
}
