import { assertUnreachable } from '@cairn/schema';
import type { EditorNode } from './draft.types';

/**
 * The nodes directly under `node`: a group's children, a `not`'s child, an event's `where` filter.
 *
 * @example
 * childrenOf({ kind: 'not', child: trait }) // [trait]
 */
export function childrenOf(node: EditorNode): readonly EditorNode[] {
  switch (node.kind) {
    case 'all':
    case 'any':
      return node.children;
    case 'not':
      return [node.child];
    case 'event':
      return node.where ? [node.where] : [];
    case 'trait':
    case 'property':
    case 'score':
    case 'segment':
    case 'consent':
    case 'randomBucket':
      return [];
    default:
      return assertUnreachable(node);
  }
}

/**
 * `node` with its direct children replaced. An empty list removes a `not` (returns undefined) and
 * an event's `where`.
 */
export function withChildren(
  node: EditorNode,
  children: readonly EditorNode[],
): EditorNode | undefined {
  switch (node.kind) {
    case 'all':
    case 'any':
      return { ...node, children } as EditorNode;
    case 'not': {
      const [child] = children;
      return child ? ({ ...node, child } as EditorNode) : undefined;
    }
    case 'event': {
      const [where] = children;
      if (where) return { ...node, where } as EditorNode;
      const { where: _dropped, ...rest } = node;
      return rest;
    }
    default:
      return node;
  }
}

/** The ids of `node` and of every node under it. */
export function nodeIds(node: EditorNode, into = new Set<string>()): Set<string> {
  if (node.id !== undefined) into.add(node.id);
  for (const child of childrenOf(node)) nodeIds(child, into);
  return into;
}

/** The node with this id, or undefined. */
export function findNode(root: EditorNode, id: string): EditorNode | undefined {
  if (root.id === id) return root;
  for (const child of childrenOf(root)) {
    const found = findNode(child, id);
    if (found) return found;
  }
  return undefined;
}

/** The chain of nodes from the root down to the node with this id (both included); [] if absent. */
export function pathTo(root: EditorNode, id: string): readonly EditorNode[] {
  if (root.id === id) return [root];
  for (const child of childrenOf(root)) {
    const below = pathTo(child, id);
    if (below.length > 0) return [root, ...below];
  }
  return [];
}

/**
 * Rewrites the node with this id (and nothing else: untouched branches keep their identity, so
 * React skips them). `replace` returning undefined removes the node.
 */
export function replaceNode(
  root: EditorNode,
  id: string,
  replace: (node: EditorNode) => EditorNode | undefined,
): EditorNode | undefined {
  if (root.id === id) return replace(root);
  const children = childrenOf(root);
  let changed = false;
  const next: EditorNode[] = [];
  for (const child of children) {
    const updated = replaceNode(child, id, replace);
    if (updated !== child) changed = true;
    if (updated) next.push(updated);
  }
  return changed ? withChildren(root, next) : root;
}

/** Whether a node sits inside an event's `where` (property filters) rather than in the rule. */
export function isFilterScope(root: EditorNode, id: string): boolean {
  return pathTo(root, id).some((node) => node.kind === 'event' && node.id !== id);
}
