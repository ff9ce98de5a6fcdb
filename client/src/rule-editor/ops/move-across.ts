import type { RuleDraft } from '../draft.types';
import { groupView } from '../group-view';
import { pathTo } from '../tree';
import { moveNode, parentGroup } from './move-node';

/**
 * Moves a node out of its group, to just after the group in the group around it (keyboard
 * alternative to dragging). Unchanged for a node of the root group or of an event's filter root.
 *
 * @example
 * moveOut(draft, 'n4') // root(a g(b n4)) → root(a g(b) n4)
 */
export function moveOut(draft: RuleDraft, id: string): RuleDraft {
  const chain = pathTo(draft.root, id);
  if (!parentGroup(draft.root, id)) return draft;
  // The box is the parent group, or the `not` around it for a "none of" box.
  let boxAt = chain.length - 2;
  if (chain[boxAt - 1]?.kind === 'not') boxAt -= 1;
  const box = chain[boxAt];
  const outer = chain[boxAt - 1];
  if (!box || !outer || (outer.kind !== 'all' && outer.kind !== 'any') || outer.id === undefined) {
    return draft;
  }
  const at = outer.children.findIndex((c) => c.id === box.id) + 1;
  return moveNode(draft, id, outer.id, at);
}

/**
 * Moves a node into the group box just above it, as its last row. Unchanged when the previous
 * sibling is not a group box.
 *
 * @example
 * moveIntoPrevious(draft, 'n4') // root(g(b) n4) → root(g(b n4))
 */
export function moveIntoPrevious(draft: RuleDraft, id: string): RuleDraft {
  const parent = parentGroup(draft.root, id);
  if (!parent) return draft;
  const index = parent.children.findIndex((c) => c.id === id);
  const previous = index > 0 ? parent.children[index - 1] : undefined;
  const target = previous ? groupView(previous)?.group : undefined;
  if (!target?.id) return draft;
  return moveNode(draft, id, target.id, target.children.length);
}

/** Which of the two moves would change the draft, for enabling their buttons. */
export function crossMoves(draft: RuleDraft, id: string): { out: boolean; intoPrevious: boolean } {
  return {
    out: moveOut(draft, id) !== draft,
    intoPrevious: moveIntoPrevious(draft, id) !== draft,
  };
}
