import type { ElkNode } from 'elkjs/lib/elk.bundled.js';
import { acceptsInput, outputHandles } from '@cairn/schema';
import type { EditorDoc } from './flow.types';
import { toJourneyNode } from './graph-convert';

/** A step's size on the canvas before React Flow has measured it. */
export const STEP_SIZE = { width: 240, height: 84 };

/** elkjs is large (about 1.5 MB): loaded on the first layout, not with the app. */
let elk: Promise<{ layout(graph: ElkNode): Promise<ElkNode> }> | undefined;
const loadElk = () =>
  (elk ??= import('elkjs/lib/elk.bundled.js').then(({ default: ELK }) => new ELK()));

/**
 * Positions for every node from elkjs's layered algorithm, top to bottom, with one port per
 * output handle in the order the node draws them (so `yes` stays left of `no`).
 */
export async function autoLayout(doc: EditorDoc): Promise<Map<string, { x: number; y: number }>> {
  const graph: ElkNode = {
    id: 'journey',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.layered.spacing.nodeNodeBetweenLayers': '70',
      'elk.spacing.nodeNode': '50',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
    },
    children: doc.nodes.map((n) => {
      const node = toJourneyNode(n);
      const outputs = outputHandles(node);
      // ELK numbers ports clockwise, so on the bottom side the first index is the rightmost.
      const ports = outputs.map((h, i) => ({
        id: `${n.id}::${h}`,
        layoutOptions: {
          'elk.port.side': 'SOUTH',
          'elk.port.index': String(outputs.length - 1 - i),
        },
      }));
      if (acceptsInput(node))
        ports.push({
          id: `${n.id}::in`,
          layoutOptions: { 'elk.port.side': 'NORTH', 'elk.port.index': '0' },
        });
      return {
        id: n.id,
        width: n.measured?.width ?? STEP_SIZE.width,
        height: n.measured?.height ?? STEP_SIZE.height,
        ports,
        layoutOptions: { 'elk.portConstraints': 'FIXED_ORDER' },
      };
    }),
    edges: doc.edges.map((e) => ({
      id: e.id,
      sources: [`${e.source}::${e.sourceHandle}`],
      targets: [`${e.target}::in`],
    })),
  };
  const laid = await (await loadElk()).layout(graph);
  return new Map((laid.children ?? []).map((c) => [c.id, { x: c.x ?? 0, y: c.y ?? 0 }]));
}
