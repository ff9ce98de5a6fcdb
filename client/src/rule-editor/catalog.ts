import { VALUE_TYPES, type RuleCatalog, type Scalar, type ValueType } from '@cairn/schema';
import type { CatalogField, EditorCatalog, SegmentOption } from './draft.types';

/** A catalog path as the API returns it (`CatalogTrait`, `CatalogEventProperty`). */
export interface ApiCatalogPath {
  readonly path: string;
  readonly type: string;
  readonly count: number;
  readonly examples: readonly unknown[];
}

/** The API's `catalog` as the query returns it. */
export interface ApiCatalog {
  readonly traits: readonly ApiCatalogPath[];
  readonly events: readonly {
    readonly name: string;
    readonly properties: readonly ApiCatalogPath[];
  }[];
}

/** Profile fields every customer has, whatever the catalog says. */
const PROFILE_FIELDS: readonly CatalogField[] = [
  { path: 'email', type: 'string', examples: [] },
  { path: 'createdAt', type: 'date', examples: [] },
];

const isRuleType = (type: string): type is ValueType =>
  (VALUE_TYPES as readonly string[]).includes(type);
const isScalar = (v: unknown): v is Scalar =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/**
 * One field per path, with the type seen most often (as the server's validator decides it: a
 * tie goes to the earlier type in `VALUE_TYPES`); `list` and `object` paths are left out.
 */
function fieldsFrom(paths: readonly ApiCatalogPath[], prefix: string): CatalogField[] {
  const best = new Map<string, ApiCatalogPath & { type: ValueType }>();
  for (const entry of paths) {
    if (!isRuleType(entry.type)) continue;
    const current = best.get(entry.path);
    if (
      !current ||
      entry.count > current.count ||
      (entry.count === current.count &&
        VALUE_TYPES.indexOf(entry.type) < VALUE_TYPES.indexOf(current.type))
    )
      best.set(entry.path, { ...entry, type: entry.type });
  }
  return [...best.values()]
    .map((e) => ({ path: prefix + e.path, type: e.type, examples: e.examples.filter(isScalar) }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * The editor's catalog from the API's: trait paths prefixed `traits.` as rules write them, plus
 * `email` and `createdAt`; events by name.
 *
 * @example
 * editorCatalog({ traits: [{ path: 'plan', type: 'string', count: 3, examples: ['pro'] }], events: [] })
 * // { traits: [{ path: 'traits.plan', type: 'string', examples: ['pro'] }, email, createdAt], events: [] }
 */
export function editorCatalog(api: ApiCatalog): EditorCatalog {
  return {
    traits: [...fieldsFrom(api.traits, 'traits.'), ...PROFILE_FIELDS],
    events: [...api.events]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((e) => ({ name: e.name, properties: fieldsFrom(e.properties, '') })),
  };
}

/** The validator's catalog: names and types, and the segments with their references. */
export function ruleCatalog(
  catalog: EditorCatalog,
  segments: readonly SegmentOption[],
): RuleCatalog {
  const types = (fields: readonly CatalogField[]) =>
    Object.fromEntries(fields.map((f) => [f.path, f.type]));
  return {
    traits: types(catalog.traits),
    events: Object.fromEntries(
      catalog.events.map((e) => [e.name, { properties: types(e.properties) }]),
    ),
    segments: Object.fromEntries(
      segments.map((s) => [s.id, { name: s.name, references: s.references }]),
    ),
  };
}
