import { refuseConnection, type DraftConnection } from '../connection-rules';
import type { EditorDoc } from '../flow.types';

/** Adds the edge when `refuseConnection` allows it; otherwise the document is unchanged. */
export function connect(doc: EditorDoc, connection: DraftConnection, id: string): EditorDoc {
  if (refuseConnection(doc, connection)) return doc;
  const edge = {
    id,
    source: connection.source!,
    sourceHandle: connection.sourceHandle!,
    target: connection.target!,
  };
  return { ...doc, edges: [...doc.edges, edge] };
}
