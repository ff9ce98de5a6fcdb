import { VALUE_TYPES, type RuleCatalog, type ValueType } from '@cairn/schema';
import type { ObservedType } from '../../db/entities';
import type { Em } from '../../db/orm';
import {
  loadCatalogEvents,
  loadCatalogTraits,
  type CatalogEntry,
  type CatalogEventEntry,
} from './catalog.service';
import { readTogether } from '../../db/read-together';

/**
 * The rule language's type for each observed type; `undefined` where no rule type reads the
 * value (arrays of non-strings and objects: a rule path never indexes into an array).
 */
export const RULE_TYPE_OF = {
  string: 'string',
  number: 'number',
  boolean: 'boolean',
  date: 'date',
  stringList: 'stringList',
  list: undefined,
  object: undefined,
} as const satisfies Record<ObservedType, ValueType | undefined>;

/** What the rule validator needs to know about the observed data: trait and event names and types. */
export type ObservedRuleCatalog = Required<Pick<RuleCatalog, 'traits' | 'events'>>;

/**
 * The validator's catalog from the stored one. The validator takes one type per path, so for a
 * path seen with several types:
 * - only the types a rule can use count (`list` and `object` entries are left out, and a path
 *   seen with only those is not in the catalog: the validator then calls it unknown);
 * - of those, the type seen most often wins (on a tie, the first in `VALUE_TYPES` order: string,
 *   number, boolean, date, stringList). A path mostly holding dates with a few free-text values is
 *   a `date`; a rule reading it as a `string` is then reported as a type mismatch.
 *
 * Trait paths are prefixed `traits.` (the rule's profile path); `email` and `createdAt` are known
 * to the validator without the catalog. Segments and score models are for the caller to add.
 *
 * @example
 * ruleCatalogFrom(
 *   [{ path: 'plan', type: 'string', count: 3, examples: [], lastSeenAt }],
 *   [{ name: 'Signed Up', count: 1, lastSeenAt, properties: [] }],
 * ); // { traits: { 'traits.plan': 'string' }, events: { 'Signed Up': { properties: {} } } }
 */
export function ruleCatalogFrom(
  traits: readonly CatalogEntry[],
  events: readonly CatalogEventEntry[],
): ObservedRuleCatalog {
  return {
    traits: typesByPath(traits, 'traits.'),
    // Object.fromEntries defines own properties, so names like "__proto__" are ordinary keys.
    events: Object.fromEntries(
      events.map((e) => [e.name, { properties: typesByPath(e.properties, '') }]),
    ),
  };
}

/** The stored catalog of the workspace `em` is scoped to, as the validator's catalog (3 queries). */
export async function loadRuleCatalog(em: Em): Promise<ObservedRuleCatalog> {
  const [traits, events] = await readTogether(em, [
    () => loadCatalogTraits(em),
    () => loadCatalogEvents(em),
  ]);
  return ruleCatalogFrom(traits, events);
}

function typesByPath(entries: readonly CatalogEntry[], prefix: string): Record<string, ValueType> {
  const best = new Map<string, { type: ValueType; count: number }>();
  for (const entry of entries) {
    const type = RULE_TYPE_OF[entry.type];
    if (type === undefined) continue;
    const current = best.get(entry.path);
    if (
      !current ||
      entry.count > current.count ||
      (entry.count === current.count &&
        VALUE_TYPES.indexOf(type) < VALUE_TYPES.indexOf(current.type))
    )
      best.set(entry.path, { type, count: entry.count });
  }
  return Object.fromEntries([...best].map(([path, { type }]) => [prefix + path, type]));
}
