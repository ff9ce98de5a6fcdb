import type { RuleDraft } from '../draft.types';
import { replaceNode } from '../tree';

/**
 * Removes the node with this id and everything under it. A `not` left empty goes too, and an
 * event's `where` filter when its group is removed. The root itself is never removed: removing it
 * empties it instead.
 *
 * @example
 * removeNode(draft, 'n4')
 */
export function removeNode(draft: RuleDraft, id: string): RuleDraft {
  if (draft.root.id === id) {
    return { ...draft, root: { kind: 'all', id, children: [] } };
  }
  const root = replaceNode(draft.root, id, () => undefined);
  return !root || root === draft.root ? draft : { ...draft, root: root as RuleDraft['root'] };
}
