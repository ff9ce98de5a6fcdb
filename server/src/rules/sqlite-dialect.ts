import type { JsonRef, SqlDialect } from './sql-dialect';
import { join, raw, sql, type Fragment } from './sql-fragment';
import { comparison } from './sql-logic';

/**
 * `'$."a"."b"'`: a SQLite JSON path with every key quoted (rule paths never contain double quotes),
 * written into the SQL as a literal so that expression indexes on it can serve the query. A key
 * with a `?` travels as a parameter instead: the drivers would read the `?` as a placeholder.
 */
const jsonPath = (path: readonly string[]): Fragment => {
  const text = `$${path.map((k) => `."${k}"`).join('')}`;
  return text.includes('?') ? sql`${text}` : raw(`'${text.replaceAll("'", "''")}'`);
};
const type = (r: JsonRef) => sql`json_type(${raw(r.column)}, ${jsonPath(r.path)})`;
const extract = (r: JsonRef) => sql`json_extract(${raw(r.column)}, ${jsonPath(r.path)})`;
/** The JSON text of a list, else NULL: one value an expression index can hold (trait-indexes.ts). */
const listText = (r: JsonRef) => sql`(CASE WHEN ${type(r)} = 'array' THEN ${extract(r)} END)`;

/**
 * A cheap necessary condition for a list's JSON text to hold one of the strings, tested before the
 * exact `json_each` (most lists fail it and are never parsed): the string's JSON form appears in
 * the text. Only for strings JSON writes without escapes, which every writer (JSON.stringify,
 * SQLite's JSON functions) writes the same way; for the others, nothing.
 */
function quotedIn(text: Fragment, values: readonly string[]): Fragment {
  if (values.length === 0 || values.some((v) => JSON.stringify(v) !== `"${v}"`)) return raw('');
  return sql`(${join(
    values.map((v) => sql`instr(${text}, ${`"${v}"`}) > 0`),
    ' OR ',
  )}) AND `;
}

/**
 * SQLite: JSON1 functions, datetimes stored as Unix ms, and the date, bucket and regex functions
 * registered from the evaluators' own code (db/sqlite-functions.ts).
 */
export const sqliteDialect: SqlDialect = {
  name: 'sqlite',
  present: (r) => sql`(${type(r)} IS NOT NULL AND ${type(r)} <> 'null')`,
  empty: (r) =>
    sql`(${type(r)} IS NULL OR ${type(r)} = 'null' OR (${type(r)} = 'text' AND ${extract(r)} = '') OR (${type(r)} = 'array' AND json_array_length(${raw(r.column)}, ${jsonPath(r.path)}) = 0))`,
  text: (r) => sql`(CASE WHEN ${type(r)} = 'text' THEN ${extract(r)} END)`,
  number: (r) => sql`(CASE WHEN ${type(r)} IN ('integer', 'real') THEN ${extract(r)} END)`,
  booleanIs: (r, value) => sql`(${type(r)} = ${raw(value ? "'true'" : "'false'")})`,
  // Over the list's text rather than the document: an index holding it serves the whole test.
  stringList: (r) =>
    sql`(${listText(r)} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM json_each(${listText(r)}) WHERE type <> 'text'))`,
  listHasAny: (r, values) =>
    sql`(${quotedIn(listText(r), values)}EXISTS (SELECT 1 FROM json_each(${listText(r)}) WHERE value IN (${join(
      values.map((v) => sql`${v}`),
      ', ',
    )})))`,
  listText,
  // The numbers' JSON texts (`->`), summed exactly by the evaluators' own code (sqlite-functions.ts).
  aggregateHolds: (aggregate, r, c) =>
    comparison(
      sql`${raw(`cairn_${aggregate}`)}(CASE WHEN ${type(r)} IN ('integer', 'real') THEN ${raw(r.column)} -> ${jsonPath(r.path)} END)`,
      c,
      sqliteDialect,
    ),
  num: (value) => sql`${value}`,
  instantOfText: (text) => sql`cairn_instant(${text})`,
  instantOfColumn: (column) => raw(column),
  isoTextOfColumn: (column) =>
    raw(`strftime('%Y-%m-%dT%H:%M:%fZ', ${column} / 1000.0, 'unixepoch')`),
  instantParam: (ms) => sql`${ms}`,
  anniversaryDays: (text, now, timeZone) =>
    sql`cairn_anniversary_days(${text}, ${now}, ${timeZone})`,
  contains: (text, needle) => sql`instr(${text}, ${needle}) > 0`,
  startsWith: (text, prefix) => sql`substr(${text}, 1, length(${prefix})) = ${prefix}`,
  endsWith: (text, suffix) =>
    sql`(length(${text}) >= length(${suffix}) AND substr(${text}, -length(${suffix})) = ${suffix})`,
  matches: (text, pattern, ignoreCase) =>
    sql`cairn_regexp(${pattern}, ${ignoreCase ? 1 : 0}, ${text}) = 1`,
  bucket: (idColumn, salt) => sql`cairn_bucket(${raw(idColumn)}, ${salt})`,
  customerAmong: (idColumn, customers, among) =>
    sql`${raw(idColumn)} ${raw(among ? 'IN' : 'NOT IN')} (${customers})`,
  // Without statistics SQLite walks the workspace's index rather than loop over the event
  // condition's customers (a few, looked up by id): the unary + hides the index.
  inWorkspace: (alias, workspaceId, narrowedByEvents) =>
    sql`${raw(narrowedByEvents ? '+' : '')}${raw(alias)}.workspace_id = ${workspaceId}`,
  settings: () => [],
};
