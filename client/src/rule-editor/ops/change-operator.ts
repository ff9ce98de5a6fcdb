import type { Operator } from '@cairn/schema';
import type { RuleDraft } from '../draft.types';
import { predicateOf, reshapePredicate, type DefaultsContext } from '../predicates';
import { updateNode } from './update-node';

/**
 * Sets the operator of a trait or property condition, reshaping its value (see
 * `reshapePredicate`): the fields of the old operator that the new one has no use for go.
 *
 * @example
 * changeOperator(draft, 'n2', 'between', ctx) // value 5 becomes min 5, max 100
 */
export function changeOperator(
  draft: RuleDraft,
  id: string,
  op: Operator,
  ctx: DefaultsContext,
): RuleDraft {
  return updateNode(draft, id, (node) => {
    if (node.kind !== 'trait' && node.kind !== 'property') return node;
    if (node.op === op) return node;
    const { id: nodeId, kind, path, type } = node;
    const predicate = reshapePredicate(predicateOf(node), type, op, ctx);
    return {
      ...(nodeId === undefined ? {} : { id: nodeId }),
      kind,
      path,
      type,
      ...predicate,
    } as typeof node;
  });
}
