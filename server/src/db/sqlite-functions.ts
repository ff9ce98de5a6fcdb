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
