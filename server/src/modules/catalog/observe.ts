import { assertUnreachable, parseIsoInstant } from '@cairn/schema';
import type { ObservedType } from '../../db/entities';

/** How many distinct examples an entry keeps. */
export const MAX_EXAMPLES = 5;
/** Longer strings are not kept as examples. */
export const MAX_EXAMPLE_LENGTH = 100;
/** Longest path and event name the catalog's columns hold; longer ones are not catalogued. */
export const MAX_PATH_LENGTH = 500;
export const MAX_EVENT_NAME_LENGTH = 200;
/** Objects nested deeper than this are recorded as `object` at the last level walked. */
export const MAX_DEPTH = 10;

/** An example value: a scalar (dates are their ISO text). */
export type CatalogExample = string | number | boolean;

/** One (path, type) seen in a batch. */
export interface ObservedEntry {
  readonly path: string;
  readonly type: ObservedType;
  count: number;
  readonly examples: CatalogExample[];
  lastSeenAt: Date;
}

/** One event name seen in a batch, with its properties. */
export interface ObservedEvent {
  readonly name: string;
  count: number;
  lastSeenAt: Date;
  readonly properties: Map<string, ObservedEntry>;
}

/** The key of a (path, type) entry; `\u0000` cannot occur in a catalogued path. */
export const entryKey = (path: string, type: ObservedType): string => `${path}\u0000${type}`;

/** The identity of an example for distinctness: 1 and "1" differ. */
export const exampleKey = (value: CatalogExample): string => `${typeof value}:${String(value)}`;

/**
 * Text PostgreSQL can store in `text` and `jsonb`: no NUL and no lone surrogate. Anything else
 * would fail the ingestion transaction, so it is left out of the catalog (on both engines, alike).
 */
const SURROGATE = /[\uD800-\uDFFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const isStorableText = (text: string): boolean =>
  !text.includes('\u0000') && (!SURROGATE.test(text) || !LONE_SURROGATE.test(text));

/** `YYYY-MM-DD…` at a glance, before the full parse (most strings are not dates). */
const looksLikeDate = (text: string): boolean =>
  text.length >= 10 && text.charCodeAt(4) === 45 && text.charCodeAt(7) === 45;

/** Appends `value` to `examples` when it is a new, short, storable example and there is room. */
export function addExample(examples: CatalogExample[], value: CatalogExample): void {
  if (examples.length >= MAX_EXAMPLES) return;
  if (typeof value === 'string') {
    if (value.length > MAX_EXAMPLE_LENGTH || !isStorableText(value)) return;
  } else if (typeof value === 'number' && !Number.isFinite(value)) return;
  const key = exampleKey(value);
  if (!examples.some((e) => exampleKey(e) === key)) examples.push(value);
}

/**
 * What one batch of writes showed about a workspace's data: trait paths and event names with
 * their property paths, each with its observed type, a count, a few examples and the latest time.
 * Pure; `recordCatalog` (catalog.store.ts) adds a batch to the stored catalog.
 *
 * - Nested objects are walked into dotted paths (`company.size`) and are not entries themselves;
 *   an empty object, or one nested deeper than {@link MAX_DEPTH}, is an `object` entry.
 * - `YYYY-MM-DD` and ISO 8601 date-times (the forms the rule language reads as dates) are `date`;
 *   arrays of strings are `stringList` (their elements are the examples); other arrays are `list`.
 * - `null` (a trait removal) and empty arrays (no element type to tell) are not observations.
 * - Keys containing a dot are skipped: a rule path could not address them (`a.b` means nested).
 *
 * @example
 * const seen = new CatalogObservations();
 * seen.trait({ plan: 'pro', company: { size: 40 } }, new Date());
 * seen.event('Order Completed', { total: 99.5 }, new Date());
 * [...seen.traits()].map((t) => `${t.path}:${t.type}`); // ['plan:string', 'company.size:number']
 */
export class CatalogObservations {
  private readonly traitEntries = new Map<string, ObservedEntry>();
  private readonly eventEntries = new Map<string, ObservedEvent>();

  /** Records the traits written to one profile (a patch: null values are removals, skipped). */
  trait(traits: Record<string, unknown>, at: Date): void {
    walk(traits, '', 1, (path, type, value) => observe(this.traitEntries, path, type, value, at));
  }

  /** Records one event and its properties. */
  event(name: string, properties: Record<string, unknown>, at: Date): void {
    if (name.length === 0 || name.length > MAX_EVENT_NAME_LENGTH || !isStorableText(name)) return;
    let event = this.eventEntries.get(name);
    if (!event) {
      event = { name, count: 0, lastSeenAt: at, properties: new Map() };
      this.eventEntries.set(name, event);
    }
    event.count++;
    if (at > event.lastSeenAt) event.lastSeenAt = at;
    const entries = event.properties;
    walk(properties, '', 1, (path, type, value) => observe(entries, path, type, value, at));
  }

  /** Nothing was observed: there is nothing to store. */
  get isEmpty(): boolean {
    return this.traitEntries.size === 0 && this.eventEntries.size === 0;
  }

  traits(): IterableIterator<ObservedEntry> {
    return this.traitEntries.values();
  }

  events(): IterableIterator<ObservedEvent> {
    return this.eventEntries.values();
  }
}

type Visit = (path: string, type: ObservedType, value: unknown) => void;

function walk(object: Record<string, unknown>, prefix: string, depth: number, visit: Visit): void {
  for (const [key, value] of Object.entries(object)) {
    if (key === '' || key.includes('.') || !isStorableText(key)) continue;
    const path = prefix + key;
    if (path.length > MAX_PATH_LENGTH) continue;
    const type = typeOf(value);
    if (type === undefined) continue;
    if (type === 'object') {
      const nested = value as Record<string, unknown>;
      if (depth < MAX_DEPTH && Object.keys(nested).length > 0) {
        walk(nested, `${path}.`, depth + 1, visit);
        continue;
      }
    }
    visit(path, type, value);
  }
}

/** The observed type of a leaf value; undefined for what is not an observation. */
function typeOf(value: unknown): ObservedType | undefined {
  switch (typeof value) {
    case 'string':
      return looksLikeDate(value) && parseIsoInstant(value) !== undefined ? 'date' : 'string';
    case 'number':
      return Number.isFinite(value) ? 'number' : undefined;
    case 'boolean':
      return 'boolean';
    case 'object':
      if (value === null) return undefined;
      if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : 'date';
      if (Array.isArray(value)) {
        if (value.length === 0) return undefined;
        return value.every((v) => typeof v === 'string') ? 'stringList' : 'list';
      }
      return 'object';
    default:
      return undefined;
  }
}

function observe(
  entries: Map<string, ObservedEntry>,
  path: string,
  type: ObservedType,
  value: unknown,
  at: Date,
): void {
  const key = entryKey(path, type);
  let entry = entries.get(key);
  if (!entry) {
    entry = { path, type, count: 0, examples: [], lastSeenAt: at };
    entries.set(key, entry);
  }
  entry.count++;
  if (at > entry.lastSeenAt) entry.lastSeenAt = at;
  if (entry.examples.length >= MAX_EXAMPLES) return;
  switch (type) {
    case 'string':
    case 'number':
    case 'boolean':
      addExample(entry.examples, value as CatalogExample);
      return;
    case 'date':
      addExample(entry.examples, value instanceof Date ? value.toISOString() : (value as string));
      return;
    case 'stringList':
      for (const item of value as string[]) addExample(entry.examples, item);
      return;
    case 'list':
    case 'object':
      return;
    default:
      assertUnreachable(type);
  }
}
