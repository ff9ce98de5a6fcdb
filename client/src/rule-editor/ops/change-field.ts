import type { Predicate, ValueType } from '@cairn/schema';
import type { RuleDraft } from '../draft.types';
import { operatorsFor, predicateOf, reshapePredicate, type DefaultsContext } from '../predicates';
import { updateNode } from './update-node';

/**
 * Points a trait or property condition at another path. With the same type the operator and
 * value stay; with another type the operator stays if the type allows it (its value reshaped),
 * else the type's first operator is chosen with a default value.
 *
 * @example
 * changeField(draft, 'n2', 'traits.ltv', 'number', ctx)
 */
export function changeField(
  draft: RuleDraft,
  id: string,
  path: string,
  type: ValueType,
  ctx: DefaultsContext,
): RuleDraft {
  return updateNode(draft, id, (node) => {
    if (node.kind !== 'trait' && node.kind !== 'property') return node;
    const base = { ...(node.id === undefined ? {} : { id: node.id }), kind: node.kind, path, type };
    if (node.type === type) return { ...base, ...predicateOf(node) } as typeof node;
    const op = (operatorsFor(type) as readonly string[]).includes(node.op)
      ? node.op
      : operatorsFor(type)[0]!;
    const predicate: Predicate = reshapePredicate(undefined, type, op, ctx);
    return { ...base, ...predicate } as typeof node;
  });
}
