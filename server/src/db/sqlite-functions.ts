import type { Database } from 'better-sqlite3';
import {
  compileRegex,
  daysUntilAnniversary,
  decimalOf,
  exactAggregate,
  parseIsoInstant,
  randomBucket,
  type Decimal,
} from '@cairn/schema';

/**
 * SQL functions the rule compiler uses on SQLite. They call the very functions the evaluators use,
 * so SQLite agrees with them by construction (PostgreSQL has its own versions in a migration).
 * Registered on every connection the pool opens.
 */
export function registerSqliteFunctions(db: Database): void {
  const deterministic = { deterministic: true };
  db.function('cairn_instant', deterministic, (text: unknown) =>
    typeof text === 'string' ? (parseIsoInstant(text) ?? null) : null,
  );
  db.function(
    'cairn_anniversary_days',
    deterministic,
    (text: unknown, now: unknown, timeZone: unknown) =>
      typeof text === 'string' && typeof now === 'number' && typeof timeZone === 'string'
        ? (daysUntilAnniversary(text, now, timeZone) ?? null)
        : null,
  );
  db.function('cairn_bucket', deterministic, (id: unknown, salt: unknown) =>
    typeof id === 'string' && typeof salt === 'string' ? randomBucket(id, salt) : null,
  );
  db.function(
    'cairn_regexp',
    deterministic,
    (pattern: unknown, ignoreCase: unknown, text: unknown) =>
      typeof pattern === 'string' && typeof text === 'string'
        ? compileRegex(pattern, ignoreCase === 1).test(text)
          ? 1
          : 0
        : null,
  );
  // A list's JSON text (`listText`, NULL when not a list) tested without json_each, which a
  // partial index's WHERE cannot hold (a subquery): the rule index's list tests
  // (rules/sqlite-rule-index-dialect.ts). Every element a string, and some element one of `values`.
  db.function('cairn_string_list', deterministic, (text: unknown) =>
    typeof text === 'string' ? (listOf(text).every((e) => typeof e === 'string') ? 1 : 0) : 0,
  );
  db.function(
    'cairn_list_has_any',
    { deterministic: true, varargs: true },
    (text: unknown, ...values: unknown[]) =>
      typeof text === 'string' &&
      listOf(text).some((e) => typeof e === 'string' && values.includes(e))
        ? 1
        : 0,
  );
  // Event aggregates over JSON number texts (`->`), exact as the evaluators' (aggregate.ts).
  for (const type of ['sum', 'avg'] as const)
    db.aggregate(`cairn_${type}`, {
      deterministic: true,
      start: (): Decimal[] => [],
      step: (decimals: Decimal[], text: unknown) => {
        if (typeof text === 'string') decimals.push(decimalOf(text));
        return decimals;
      },
      result: (decimals: Decimal[]) => exactAggregate(type, decimals),
    });
}

/** The elements of a JSON array text as SQLite's json_extract writes it (always valid JSON). */
function listOf(text: string): unknown[] {
  const list: unknown = JSON.parse(text);
  return Array.isArray(list) ? list : [];
}
