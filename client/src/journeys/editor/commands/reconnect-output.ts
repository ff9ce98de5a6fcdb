import { refuseConnection } from '../connection-rules';
import type { EditorDoc } from '../flow.types';

/**
 * Connects the output to `target` in place of its current edge, or disconnects it (`target`
 * undefined). A connection `refuseConnection` refuses leaves the document unchanged.
 *
 * @example
 * reconnectOutput(doc, 'cond', 'no', 'exit', 'e9') // the `no` edge now leads to `exit`
 */
export function reconnectOutput(
  doc: EditorDoc,
  source: string,
  handle: string,
  target: string | undefined,
  edgeId: string,
): EditorDoc {
  const current = doc.edges.find((e) => e.source === source && e.sourceHandle === handle);
  if (current?.target === target) return doc;
  const without = current ? { ...doc, edges: doc.edges.filter((e) => e !== current) } : doc;
  if (target === undefined) return without;
  const connection = { source, sourceHandle: handle, target };
  if (refuseConnection(without, connection)) return doc;
  return { ...without, edges: [...without.edges, { id: edgeId, ...connection }] };
}
