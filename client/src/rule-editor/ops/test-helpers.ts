import type { RuleDocument, RuleNode } from '@cairn/schema';
import type { NewId } from '../draft.types';

/** Ids `t1`, `t2`, … in order, for tests. */
export function counterIds(prefix = 't'): NewId {
  let next = 0;
  return () => `${prefix}${++next}`;
}

export const doc = (root: RuleNode): RuleDocument => ({ version: 1, root });

export const trait = (id: string, value = 'pro'): RuleNode => ({
  id,
  kind: 'trait',
  path: 'traits.plan',
  type: 'string',
  op: 'eq',
  value,
});

/** The ids of the tree in depth-first order, with `/` marking a step into children. */
export function shape(node: unknown): string {
  const n = node as { id?: string; children?: unknown[]; child?: unknown; where?: unknown };
  const below = n.children ?? (n.child ? [n.child] : n.where ? [n.where] : []);
  return below.length === 0 ? `${n.id}` : `${n.id}(${below.map(shape).join(' ')})`;
}
