import type { JsonRef, SqlDialect } from './sql-dialect';
import { join, raw, sql, type Fragment } from './sql-fragment';
import { toPostgresRegex } from './postgres-regex';

const pathArray = (path: readonly string[]): Fragment =>
  sql`ARRAY[${join(
    path.map((k) => sql`${k}`),
    ', ',
  )}]::text[]`;
const at = (r: JsonRef) => sql`(${raw(r.column)} #> ${pathArray(r.path)})`;
const type = (r: JsonRef) => sql`jsonb_typeof(${at(r)})`;

/** PostgreSQL: jsonb operators, timestamptz columns, md5 for buckets, and the date functions from the rule_functions migration. */
export const postgresDialect: SqlDialect = {
  name: 'postgres',
  present: (r) => sql`(${type(r)} IS NOT NULL AND ${type(r)} <> 'null')`,
  empty: (r) =>
    sql`(${type(r)} IS NULL OR ${type(r)} = 'null' OR ${at(r)} = '""'::jsonb OR ${at(r)} = '[]'::jsonb)`,
  text: (r) =>
    sql`(CASE WHEN ${type(r)} = 'string' THEN ${raw(r.column)} #>> ${pathArray(r.path)} END)`,
  number: (r) =>
    sql`(CASE WHEN ${type(r)} = 'number' THEN (${raw(r.column)} #>> ${pathArray(r.path)})::double precision END)`,
  booleanIs: (r, value) => sql`(${at(r)} = ${raw(value ? "'true'" : "'false'")}::jsonb)`,
  stringList: (r) =>
    sql`(${type(r)} = 'array' AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(${at(r)}) x WHERE jsonb_typeof(x) <> 'string'))`,
  listHasAny: (r, values) =>
    sql`EXISTS (SELECT 1 FROM jsonb_array_elements_text(${at(r)}) v WHERE v IN (${join(
      values.map((v) => sql`${v}::text`),
      ', ',
    )}))`,
  num: (value) => sql`CAST(${value} AS double precision)`,
  instantOfText: (text) => sql`cairn_instant(${text})`,
  instantOfColumn: (column) => raw(`(extract(epoch from ${column}) * 1000)::double precision`),
  isoTextOfColumn: (column) =>
    raw(`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`),
  instantParam: (ms) => sql`to_timestamp(CAST(${ms} AS double precision) / 1000)`,
  anniversaryDays: (text, now, timeZone) =>
    sql`cairn_anniversary_days(${text}, CAST(${now} AS double precision), ${timeZone}::text)`,
  contains: (text, needle) => sql`strpos(${text}, ${needle}::text) > 0`,
  startsWith: (text, prefix) => sql`starts_with(${text}, ${prefix}::text)`,
  endsWith: (text, suffix) => sql`right(${text}, length(${suffix}::text)) = ${suffix}::text`,
  matches: (text, pattern, ignoreCase) =>
    sql`${text} ${raw(ignoreCase ? '~*' : '~')} ${toPostgresRegex(pattern)}::text`,
  bucket: (idColumn, salt) =>
    sql`((('x' || substr(md5(${raw(idColumn)} || ':' || ${salt}::text), 1, 8))::bit(32)::bigint) % 10000)`,
};
