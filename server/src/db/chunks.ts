/**
 * Rows per multi-row statement: SQLite caps a compound SELECT (how multi-row INSERTs are written
 * for it) at 500 terms, and long IN lists plan worse on both engines.
 */
export const ROWS_PER_STATEMENT = 400;

/** `rows` in consecutive slices of at most `size`. */
export function* chunks<T>(rows: readonly T[], size = ROWS_PER_STATEMENT): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}
