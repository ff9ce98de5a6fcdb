import type { JsonRef, SqlDialect } from './sql-dialect';
import { join, sql, type Fragment } from './sql-fragment';
import { FALSE } from './sql-logic';
import { sqliteDialect } from './sqlite-dialect';

const listText = (r: JsonRef): Fragment => {
  if (sqliteDialect.listText === undefined) throw new Error('SQLite writes lists as text');
  return sqliteDialect.listText(r);
};

/**
 * SQLite's dialect for a rule index (trait-indexes.ts `ruleIndexOf`): a partial index's WHERE may
 * not hold a subquery, so the list tests, which read the elements through `json_each`, call the
 * deterministic functions `cairn_string_list` and `cairn_list_has_any` (db/sqlite-functions.ts)
 * over the list's text instead. `cairn_list_has_any` looks at string elements only, where
 * `json_each` would also compare a nested list's text: the compiler always tests it together with
 * "every element a string" (predicate-sql.ts), so the verdicts are the same. Only the rule index
 * and the count and sample queries that read it use this text: they must be the same terms.
 */
export const sqliteRuleIndexDialect: SqlDialect = {
  ...sqliteDialect,
  stringList: (r) => sql`cairn_string_list(${listText(r)}) = 1`,
  listHasAny: (r, values) =>
    values.length === 0
      ? FALSE
      : sql`cairn_list_has_any(${listText(r)}, ${join(
          values.map((v) => sql`${v}`),
          ', ',
        )}) = 1`,
};
