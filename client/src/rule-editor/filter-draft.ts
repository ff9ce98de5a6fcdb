import { RULE_VERSION, type EventCondition, type FilterNode } from '@cairn/schema';
import type { NewId, RuleDraft } from './draft.types';
import { prepareDraft } from './prepare-draft';

/** The id of the event condition that carries a filter through the rule editor's operations. */
export const FILTER_EVENT_ID = 'filter-event';

/**
 * A property filter (an event's `where` outside any rule: a journey trigger, a wait for an
 * event, a goal) as a draft the rule editor's operations work on: one event condition holding
 * it. Every filter node gets an id, and a filter that is not a group box (a bare property
 * condition) is wrapped in an `all` group, which matches the same events.
 *
 * @example
 * filterDraft('Order Completed', { kind: 'property', path: 'amount', type: 'number', op: 'gt', value: 50 }, newId)
 * // root: { kind: 'event', id: 'filter-event', event: 'Order Completed', where: { kind: 'all', id: 'n2', children: [...] }, ... }
 */
export function filterDraft(event: string, where: FilterNode | undefined, newId: NewId): RuleDraft {
  const root: EventCondition = {
    kind: 'event',
    id: FILTER_EVENT_ID,
    event,
    measure: { type: 'count', window: { type: 'ever' }, compare: { op: 'gte', value: 1 } },
    ...(where ? { where: prepareFilter(where, newId) } : {}),
  };
  return { version: RULE_VERSION, root };
}

/** The filter a draft from `filterDraft` holds now (undefined once its group is removed). */
export function whereOf(draft: RuleDraft): FilterNode | undefined {
  return draft.root.kind === 'event' ? draft.root.where : undefined;
}

/** A filter with ids on every node, boxed in a group (`prepareDraft` does both for rules). */
function prepareFilter(where: FilterNode, newId: NewId): FilterNode {
  const boxed = prepareDraft({ version: RULE_VERSION, root: where } as unknown as RuleDraft, newId);
  return boxed.root as unknown as FilterNode;
}
