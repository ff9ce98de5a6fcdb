import type { EditorNode, NewId, RuleDraft } from '../draft.types';
import { groupView, type GroupMode } from '../group-view';
import { updateNode } from './update-node';

/**
 * Sets how the group box with this id combines its rows. `none` wraps the group in a `not` (with a
 * new id) around an `any`; leaving `none` unwraps it. The rows keep their ids.
 *
 * @example
 * setGroupMode(draft, 'g1', 'none', newId) // { kind: 'not', id: <new>, child: { kind: 'any', id: 'g1', ... } }
 */
export function setGroupMode(
  draft: RuleDraft,
  id: string,
  mode: GroupMode,
  newId: NewId,
): RuleDraft {
  return updateNode(draft, id, (node): EditorNode => {
    const view = groupView(node);
    if (!view || view.mode === mode) return node;
    const group = view.group;
    if (mode === 'none') {
      return { kind: 'not', id: newId(), child: { ...group, kind: 'any' } } as EditorNode;
    }
    return { ...group, kind: mode };
  });
}
