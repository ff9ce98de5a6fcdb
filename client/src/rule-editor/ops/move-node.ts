import type { EditorNode, RuleDraft } from '../draft.types';
import { childrenOf, findNode, isFilterScope, pathTo } from '../tree';
import { addNode } from './add-node';
import { removeNode } from './remove-node';

/**
 * Moves the node with this id into the group `groupId` at `index` (counted after the node has
 * left its old place). Returns the draft unchanged for a move into the node's own subtree, from a
 * rule into an event's property filter or back, or to a target that is not a group.
 *
 * @example
 * moveNode(draft, 'n4', 'g2', 0) // first in group g2
 */
export function moveNode(draft: RuleDraft, id: string, groupId: string, index: number): RuleDraft {
  const node = findNode(draft.root, id);
  const target = findNode(draft.root, groupId);
  if (!node || !target || id === draft.root.id) return draft;
  if (target.kind !== 'all' && target.kind !== 'any') return draft;
  if (findNode(node, groupId)) return draft;
  if (isFilterScope(draft.root, id) !== isFilterScope(draft.root, groupId)) return draft;
  if (isFilterScope(draft.root, groupId) && !sameEvent(draft.root, id, groupId)) return draft;
  const removed = removeNode(draft, id);
  const siblings = childrenOf(findNode(removed.root, groupId)!);
  const at = Math.max(0, Math.min(index, siblings.length));
  return addNode(removed, groupId, node, at);
}

/**
 * Moves a node up (`-1`) or down (`+1`) among its siblings; unchanged at either end.
 *
 * @example
 * moveBy(draft, 'n4', -1)
 */
export function moveBy(draft: RuleDraft, id: string, delta: -1 | 1): RuleDraft {
  const parent = parentGroup(draft.root, id);
  if (!parent) return draft;
  const index = parent.children.findIndex((c) => c.id === id);
  const to = index + delta;
  if (to < 0 || to >= parent.children.length) return draft;
  return moveNode(draft, id, parent.id!, to);
}

/** The group directly holding the node, if its parent is a group. */
export function parentGroup(
  root: EditorNode,
  id: string,
): { readonly id?: string; readonly children: readonly EditorNode[] } | undefined {
  const chain = pathTo(root, id);
  const parent = chain.at(-2);
  return parent && (parent.kind === 'all' || parent.kind === 'any') ? parent : undefined;
}

function sameEvent(root: EditorNode, a: string, b: string): boolean {
  const eventOf = (id: string) =>
    pathTo(root, id).findLast((n) => n.kind === 'event' && n.id !== id);
  return eventOf(a) === eventOf(b);
}
