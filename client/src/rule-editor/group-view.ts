import type { EditorNode } from './draft.types';

/** How a group box reads: every condition, at least one, or none of them. */
export type GroupMode = 'all' | 'any' | 'none';

export interface GroupView {
  readonly mode: GroupMode;
  /** The `all` / `any` node holding the rows (for `none`, the group inside the `not`). */
  readonly group: Extract<EditorNode, { kind: 'all' | 'any' }>;
}

/**
 * A node as a group box: an `all` or `any` group, or `not` around an `any` group ("none of").
 * Undefined for anything else (a condition, or `not` around a condition).
 *
 * @example
 * groupView({ kind: 'not', id: 'a', child: { kind: 'any', id: 'b', children: [] } })?.mode // 'none'
 */
export function groupView(node: EditorNode): GroupView | undefined {
  if (node.kind === 'all' || node.kind === 'any') return { mode: node.kind, group: node };
  if (node.kind === 'not' && node.child.kind === 'any') return { mode: 'none', group: node.child };
  return undefined;
}
