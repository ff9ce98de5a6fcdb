import { RULE_VERSION } from '@cairn/schema';
import type { EditorNode, NewId, RuleDraft } from './draft.types';
import { groupView } from './group-view';
import { childrenOf, withChildren } from './tree';

/** An empty rule: everyone matches. */
export function emptyDraft(newId: NewId): RuleDraft {
  return { version: RULE_VERSION, root: { kind: 'all', id: newId(), children: [] } };
}

/**
 * Makes a stored rule editable: every node gets an id (existing ids are kept, so saved problems
 * and explanations still point at their rows), and a root that is not a group box is wrapped in
 * an `all` group (the same audience).
 *
 * @example
 * prepareDraft({ version: 1, root: { kind: 'consent', channel: 'email' } }, newId)
 * // { version: 1, root: { kind: 'all', id: 'n1', children: [{ kind: 'consent', channel: 'email', id: 'n2' }] } }
 */
export function prepareDraft(rule: RuleDraft, newId: NewId): RuleDraft {
  const withIds = (node: EditorNode): EditorNode => {
    const children = childrenOf(node).map(withIds);
    const named = node.id === undefined ? ({ ...node, id: newId() } as EditorNode) : node;
    return children.length === 0 ? named : (withChildren(named, children) ?? named);
  };
  const root = withIds(rule.root);
  const boxed = groupView(root)
    ? root
    : ({ kind: 'all', id: newId(), children: [root] } as EditorNode);
  return { version: RULE_VERSION, root: boxed as RuleDraft['root'] };
}

/**
 * A fresh node id: short, random, unique within any rule in practice.
 *
 * @example
 * newNodeId() // 'n-k3j9x2ab'
 */
export function newNodeId(): string {
  return `n-${Math.random().toString(36).slice(2, 10)}`;
}
