import { acceptsInput, outputHandles } from '@cairn/schema';
import type { EditorDoc } from './flow.types';
import { toJourneyNode } from './graph-convert';

/** A connection being drawn, as React Flow reports it. */
export interface DraftConnection {
  readonly source: string | null;
  readonly sourceHandle?: string | null;
  readonly target: string | null;
}

/** Why a connection is refused, as the canvas tells the marketer. */
export type RefusedConnection =
  'unknownNode' | 'unknownHandle' | 'noInput' | 'selfLoop' | 'handleUsed';

/**
 * Whether drawing this connection keeps the graph valid: the output handle exists on its node
 * (`outputHandles`), the target takes input (`acceptsInput`: not a trigger, not a goal), it is
 * not the node itself, and the handle is not already connected (each output leads to one step).
 * Returns the reason when refused. Cycles are allowed (a loop with a wait is a valid journey);
 * the compiler reports one without a wait.
 *
 * @example
 * refuseConnection(doc, { source: 'cond', sourceHandle: 'yes', target: 'trigger' }) // 'noInput'
 */
export function refuseConnection(
  doc: EditorDoc,
  connection: DraftConnection,
): RefusedConnection | undefined {
  const source = doc.nodes.find((n) => n.id === connection.source);
  const target = doc.nodes.find((n) => n.id === connection.target);
  if (!source || !target) return 'unknownNode';
  const handle = connection.sourceHandle;
  if (!handle || !outputHandles(toJourneyNode(source)).includes(handle)) return 'unknownHandle';
  if (!acceptsInput(toJourneyNode(target))) return 'noInput';
  if (source.id === target.id) return 'selfLoop';
  if (doc.edges.some((e) => e.source === source.id && e.sourceHandle === handle))
    return 'handleUsed';
  return undefined;
}
