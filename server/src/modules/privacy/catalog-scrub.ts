import { lockWorkspaceCatalog } from '../catalog/catalog.store';
import { LockMode } from '@mikro-orm/core';
import { BaseSqlitePlatform } from '@mikro-orm/knex';
import { CatalogEventProperty, CatalogTrait } from '../../db/entities';
import type { Em } from '../../db/orm';
import { parseJson, type PlainRow } from './plain-rows';

/** Characters a phone number is written with; such a string is also compared by its digits. */
const PHONE_LIKE = /^\+?[\d\s\-.()]+$/;
const MIN_PHONE_DIGITS = 7;

/** The forms a scalar is compared under: trimmed and lower-cased, and digits only for phone-like values. */
function forms(value: unknown): string[] {
  let text: string;
  if (typeof value === 'string') text = value.trim().toLowerCase();
  else if (typeof value === 'number' && Number.isFinite(value)) text = String(value);
  else return []; // booleans and null identify no one; objects are walked by `add`
  if (text === '') return [];
  const result = [`=${text}`];
  if (PHONE_LIKE.test(text)) {
    const digits = text.replace(/\D/g, '');
    if (digits.length >= MIN_PHONE_DIGITS) result.push(`#${digits}`);
  }
  return result;
}

/**
 * The scalar values held about one person (identity values, trait and event property leaves),
 * against which the catalog's examples are checked. Strings compare without case or surrounding
 * space, and phone-like strings also by their digits, so "+33 6 12 34 56 78" matches the stored
 * "+33612345678". Scrubbing a value that others share (a plan name) costs only an example.
 */
export class PersonalValues {
  private readonly known = new Set<string>();

  /** Adds a scalar, or every scalar leaf of an object or array. */
  add(value: unknown): void {
    if (Array.isArray(value)) {
      for (const item of value) this.add(item);
    } else if (value !== null && typeof value === 'object') {
      for (const item of Object.values(value)) this.add(item);
    } else {
      for (const form of forms(value)) this.known.add(form);
    }
  }

  has(example: unknown): boolean {
    return forms(example).some((form) => this.known.has(form));
  }

  get size(): number {
    return this.known.size;
  }
}

/** The examples without the person's values, or undefined when none of them is the person's. */
export function scrubExamples(examples: unknown, values: PersonalValues): unknown[] | undefined {
  if (!Array.isArray(examples)) return undefined;
  const kept = examples.filter((example) => !values.has(example));
  return kept.length === examples.length ? undefined : kept;
}

/**
 * Removes the person's values from the `examples` of the workspace's catalog (traits and event
 * properties): loads the workspace's catalog rows, filters in JavaScript, and writes back only the
 * rows that changed. On PostgreSQL the workspace's catalog lock is taken first and the rows are
 * locked until the erasure commits, so a concurrent ingestion cannot write back a list it read
 * before. Returns how many examples were removed.
 */
export async function scrubCatalog(
  em: Em,
  workspaceId: string,
  values: PersonalValues,
): Promise<number> {
  let removed = 0;
  // Take turns with ingestion's catalog writers (PostgreSQL), so the two never deadlock.
  await lockWorkspaceCatalog(em, workspaceId);
  for (const entity of [CatalogTrait, CatalogEventProperty] as const) {
    const qb = em
      .createQueryBuilder(entity)
      .select(['id', 'examples'])
      .where({ workspace: workspaceId })
      .orderBy({ id: 'asc' });
    if (!(em.getPlatform() instanceof BaseSqlitePlatform))
      qb.setLockMode(LockMode.PESSIMISTIC_WRITE);
    await qb.applyFilters();
    const rows = parseJson(em, entity, await qb.execute<PlainRow[]>('all', true));
    for (const row of rows) {
      const kept = scrubExamples(row['examples'], values);
      if (kept === undefined) continue;
      removed += (row['examples'] as unknown[]).length - kept.length;
      const id = String(row['id']);
      await em.nativeUpdate(entity, { id, workspace: workspaceId }, { examples: kept });
    }
  }
  return removed;
}
