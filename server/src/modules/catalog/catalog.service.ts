import {
  CatalogEvent,
  CatalogEventProperty,
  CatalogTrait,
  type ObservedType,
} from '../../db/entities';
import type { Em } from '../../db/orm';
import { readTogether } from '../../db/read-together';

/** One (path, type) entry of the stored catalog, as plain data. */
export interface CatalogEntry {
  readonly path: string;
  readonly type: ObservedType;
  readonly count: number;
  readonly examples: readonly unknown[];
  readonly lastSeenAt: Date;
}

/** One event name of the stored catalog with all its property entries. */
export interface CatalogEventEntry {
  readonly name: string;
  readonly count: number;
  readonly lastSeenAt: Date;
  readonly properties: readonly CatalogEntry[];
}

/**
 * The trait entries of the workspace `em` is scoped to, by path then type (code-unit order, the
 * same on both engines). One query.
 */
export async function loadCatalogTraits(em: Em): Promise<CatalogEntry[]> {
  const rows = await em.find(CatalogTrait, {}, { disableIdentityMap: true });
  return rows.map(entry).sort(byPathType);
}

/**
 * The event names of the workspace `em` is scoped to, by name, each with its property entries by
 * path then type. Two queries (events, then every property of the workspace, grouped here).
 */
export async function loadCatalogEvents(em: Em): Promise<CatalogEventEntry[]> {
  const [events, properties] = await readTogether(em, [
    () => em.find(CatalogEvent, {}, { disableIdentityMap: true }),
    () => em.find(CatalogEventProperty, {}, { disableIdentityMap: true }),
  ]);
  const byEvent = new Map<string, CatalogEntry[]>();
  for (const p of properties) {
    const list = byEvent.get(p.eventName);
    if (list) list.push(entry(p));
    else byEvent.set(p.eventName, [entry(p)]);
  }
  return events
    .map((e) => ({
      name: e.name,
      count: Number(e.count),
      lastSeenAt: e.lastSeenAt,
      properties: (byEvent.get(e.name) ?? []).sort(byPathType),
    }))
    .sort((a, b) => compare(a.name, b.name));
}

const entry = (row: CatalogTrait | CatalogEventProperty): CatalogEntry => ({
  path: row.path,
  type: row.type,
  count: Number(row.count),
  examples: row.examples,
  lastSeenAt: row.lastSeenAt,
});

/** Code-unit order: the same on SQLite and PostgreSQL whatever the database's collation. */
export const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export const byPathType = (
  a: { readonly path: string; readonly type: string },
  b: { readonly path: string; readonly type: string },
): number => compare(a.path, b.path) || compare(a.type, b.type);
