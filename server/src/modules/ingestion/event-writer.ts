import {
  insertClauses,
  insertParams,
  insertRows,
  insertStatement,
  insertTextFrom,
  insertTogether,
  type InsertPart,
} from '../../db/bulk-insert';
import { isSqlite, runStatement, type DriverStatement, type Param } from '../../db/driver-sql';
import type { Em } from '../../db/orm';
import type { ProfileEmailRow } from '../identity/identity-book';

/** An event row, in {@link INSERT_EVENT}'s column order; the last column is its messageId. */
export type EventRow = readonly [
  id: string,
  workspaceId: string,
  customerId: string,
  name: string,
  propertiesJson: string,
  occurredAt: Date,
  receivedAt: Date,
  messageId: string,
];

/** An order row, in {@link INSERT_ORDER}'s column order, with the messageId of its event. */
export interface OrderRow {
  readonly messageId: string;
  readonly row: readonly Param[];
}

/** A replayed messageId is skipped by the unique index; the rows written return their messageId. */
const INSERT_EVENT = insertStatement({
  table: 'events',
  columns: [
    ['id', 'varchar'],
    ['workspace_id', 'varchar'],
    ['customer_id', 'varchar'],
    ['name', 'varchar'],
    ['properties', 'jsonb'],
    ['occurred_at', 'timestamptz'],
    ['received_at', 'timestamptz'],
    ['message_id', 'varchar'],
  ],
  ignoreConflictOn: ['workspace_id', 'message_id'],
  returning: 'message_id',
});

/** Stored profiles' new primary emails (`IdentityBook.takeStoredEmails`). */
const UPDATE_EMAIL: DriverStatement = {
  sqlite: `update "customers" set "email" = ?, "search_text" = ?, "updated_at" = ? where "id" = ?`,
  postgres: updateEmailText(1),
};

/** PostgreSQL: the emails' update with its four array parameters numbered from `first`. */
function updateEmailText(first: number): string {
  return `update "customers" c set "email" = v."email", "search_text" = v."search_text",
      "updated_at" = v."updated_at"
    from unnest($${first}::varchar[], $${first + 1}::varchar[], $${first + 2}::text[],
      $${first + 3}::timestamptz[]) as v("id", "email", "search_text", "updated_at")
    where c."id" = v."id"`;
}

const ORDER_COLUMNS = [
  ['id', 'varchar'],
  ['workspace_id', 'varchar'],
  ['customer_id', 'varchar'],
  ['order_id', 'varchar'],
  ['amount', 'numeric'],
  ['currency', 'varchar'],
  ['items', 'jsonb'],
  ['occurred_at', 'timestamptz'],
  ['received_at', 'timestamptz'],
  ['cost', 'numeric'],
] as const;

const INSERT_ORDER = insertStatement({
  table: 'orders',
  columns: ORDER_COLUMNS,
  ignoreConflictOn: ['workspace_id', 'order_id'],
});

/**
 * PostgreSQL: `alongside`'s inserts (see `insertClauses`), the stored profiles' new emails, the
 * events and, for those actually written (not replays), their orders, in one statement; the
 * messageIds written come back. One text per set of `alongside` tables, cached. (An update of a
 * profile's fields never waits on the events' foreign-key locks: those share only the key.)
 */
function eventsStatement(alongside: readonly InsertPart[]): DriverStatement {
  const key = alongside.map((p) => p.statement.postgres).join('\u0000');
  let statement = eventStatements.get(key);
  if (statement) return statement;
  const { clauses, next } = insertClauses(alongside);
  const events = next + UPDATE_EMAIL_COLUMNS;
  const orders = events + INSERT_EVENT.columnCount;
  const text = `with ${[
    ...clauses,
    `p as (${updateEmailText(next)})`,
    `e as (${insertTextFrom(INSERT_EVENT, events)})`,
    `o as (insert into "orders" (${ORDER_COLUMNS.map(([c]) => `"${c}"`).join(', ')})
      select ${ORDER_COLUMNS.map(([c]) => `u."${c}"`).join(', ')}
      from unnest(${ORDER_COLUMNS.map(([, type], i) => `$${orders + i}::${type}[]`).join(', ')},
        $${orders + ORDER_COLUMNS.length}::varchar[])
        as u(${ORDER_COLUMNS.map(([c]) => `"${c}"`).join(', ')}, "message_id")
      where u."message_id" in (select "message_id" from e)
      on conflict ("workspace_id", "order_id") do nothing)`,
  ].join(', ')}
    select "message_id" from e`;
  statement = { sqlite: '', postgres: text };
  eventStatements.set(key, statement);
  return statement;
}

const eventStatements = new Map<string, DriverStatement>();
const UPDATE_EMAIL_COLUMNS = 4;

/**
 * Writes `alongside` (rows the events may reference: new profiles, their identities, in order),
 * the stored profiles' new `emails`, the events (in the order given: sort them by messageId, so
 * concurrent batches replaying the same events lock them in the same order) and the orders of
 * those written; a messageId already stored is skipped, and its order too. Returns the
 * messageIds written. One statement on PostgreSQL (round trips less while the batch holds its
 * identity locks); on SQLite the `alongside` rows, the emails, the events, then the orders of
 * those written.
 *
 * @example
 * const written = await writeEvents(tx, eventRows, orderRows, book.takeRows(now), book.takeStoredEmails(now));
 */
export async function writeEvents(
  em: Em,
  events: readonly EventRow[],
  orders: readonly OrderRow[],
  alongside: readonly InsertPart[] = [],
  emails: readonly ProfileEmailRow[] = [],
): Promise<Set<string>> {
  const before = alongside.filter((p) => p.rows.length > 0);
  if (isSqlite(em) || events.length === 0) {
    await insertTogether(em, before);
    if (emails.length > 0)
      await runStatement(
        em,
        UPDATE_EMAIL,
        () => emails.map(([id, email, searchText, at]) => [email, searchText, at, id]),
        () => columns(emails, UPDATE_EMAIL_COLUMNS),
      );
    const { rows } = await insertRows<{ message_id: string }>(em, INSERT_EVENT, events);
    const written = new Set(rows.map((row) => row.message_id));
    const kept = orders.filter((o) => written.has(o.messageId)).map((o) => o.row);
    await insertRows(em, INSERT_ORDER, kept);
    return written;
  }
  const { rows } = await runStatement<{ message_id: string }>(
    em,
    eventsStatement(before),
    () => [],
    () => [
      ...insertParams(before),
      ...columns(emails, UPDATE_EMAIL_COLUMNS),
      ...columns(events, INSERT_EVENT.columnCount),
      ...columns(
        orders.map((o) => o.row),
        ORDER_COLUMNS.length,
      ),
      orders.map((o) => o.messageId),
    ],
  );
  return new Set(rows.map((row) => row.message_id));
}

/** The rows as one array per column (PostgreSQL's `unnest` parameters). */
function columns(rows: ReadonlyArray<readonly Param[]>, count: number): Param[][] {
  return Array.from({ length: count }, (_, c) => rows.map((row) => row[c] ?? null));
}
