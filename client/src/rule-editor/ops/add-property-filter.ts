import type { EditorNode, RuleDraft } from '../draft.types';
import { findNode } from '../tree';
import { addNode } from './add-node';
import { updateNode } from './update-node';

/**
 * Adds a property filter to the event condition with this id: into its `where` group, or as the
 * first row of a new `all` group (`groupId`) when the event has no filter yet.
 *
 * @example
 * addPropertyFilter(draft, 'e1', newPropertyFilter('Order Completed', ctx), newId())
 */
export function addPropertyFilter(
  draft: RuleDraft,
  eventId: string,
  filter: EditorNode,
  groupId: string,
): RuleDraft {
  const event = findNode(draft.root, eventId);
  if (!event || event.kind !== 'event') return draft;
  const where = event.where;
  if (where && (where.kind === 'all' || where.kind === 'any') && where.id !== undefined) {
    return addNode(draft, where.id, filter);
  }
  const children = where ? [where, filter] : [filter];
  return updateNode(
    draft,
    eventId,
    (node) =>
      ({
        ...node,
        where: { kind: 'all', id: groupId, children },
      }) as EditorNode,
  );
}
