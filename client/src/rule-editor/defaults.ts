import { assertUnreachable, type Channel } from '@cairn/schema';
import type { EditorCatalog, EditorNode, NewId, SegmentOption } from './draft.types';
import { DEFAULT_DURATION, reshapePredicate, type DefaultsContext } from './predicates';

/** The kinds of condition the "Add condition" menu offers in a rule (property filters aside). */
export const CONDITION_KINDS = ['trait', 'event', 'score', 'segment', 'consent'] as const;
export type ConditionKind = (typeof CONDITION_KINDS)[number];

export const CONDITION_LABELS = {
  trait: 'Profile trait',
  event: 'Event',
  score: 'Score',
  segment: 'In segment',
  consent: 'Consent',
} as const satisfies Record<ConditionKind, string>;

const FIRST_CHANNEL: Channel = 'email';

export interface NewNodeContext extends DefaultsContext {
  readonly catalog: EditorCatalog;
  readonly segments: readonly SegmentOption[];
  readonly newId: NewId;
}

/**
 * A new condition of `kind`, on the first field, event or segment the catalog offers.
 *
 * @example
 * newCondition('event', ctx) // "Page Viewed" at least once in the last 30 days
 */
export function newCondition(kind: ConditionKind, ctx: NewNodeContext): EditorNode {
  const id = ctx.newId();
  switch (kind) {
    case 'trait': {
      const field = ctx.catalog.traits[0] ?? { path: 'email', type: 'string' as const };
      const predicate = reshapePredicate(undefined, field.type, 'eq', ctx);
      const op = field.type === 'date' || field.type === 'stringList' ? 'exists' : predicate.op;
      return {
        id,
        kind,
        path: field.path,
        type: field.type,
        ...reshapePredicate(undefined, field.type, op, ctx),
      } as EditorNode;
    }
    case 'event':
      return {
        id,
        kind,
        event: ctx.catalog.events[0]?.name ?? '',
        measure: {
          type: 'count',
          window: { type: 'last', duration: DEFAULT_DURATION },
          compare: { op: 'gte', value: 1 },
        },
      };
    case 'score':
      return {
        id,
        kind,
        model: '',
        measure: { type: 'current', compare: { op: 'gte', value: 50 } },
      };
    case 'segment':
      return { id, kind, segmentId: ctx.segments[0]?.id ?? '' };
    case 'consent':
      return { id, kind, channel: FIRST_CHANNEL };
    default:
      return assertUnreachable(kind);
  }
}

/**
 * A new property filter on the first property the catalog knows for `event`.
 *
 * @example
 * newPropertyFilter('Order Completed', ctx) // { kind: 'property', path: 'amount', type: 'number', op: 'eq', value: 0 }
 */
export function newPropertyFilter(event: string, ctx: NewNodeContext): EditorNode {
  const properties = ctx.catalog.events.find((e) => e.name === event)?.properties ?? [];
  const field = properties[0] ?? { path: '', type: 'string' as const };
  return {
    id: ctx.newId(),
    kind: 'property',
    path: field.path,
    type: field.type,
    ...reshapePredicate(undefined, field.type, field.type === 'date' ? 'exists' : 'eq', ctx),
  } as EditorNode;
}

/** A new empty group. */
export function newGroup(
  ctx: Pick<NewNodeContext, 'newId'>,
  kind: 'all' | 'any' = 'all',
): EditorNode {
  return { id: ctx.newId(), kind, children: [] };
}
