import { assertUnreachable, type NumberComparison } from '@cairn/schema';
import type { SqlDialect } from './sql-dialect';
import { join, raw, sql, type Fragment } from './sql-fragment';

export const TRUE = raw('TRUE');
export const FALSE = raw('FALSE');

/** What every part of the rule SQL compiler needs to know. */
export interface RuleSqlContext {
  readonly d: SqlDialect;
  readonly now: number;
  readonly timeZone: string;
  readonly workspaceId: string;
  /** Alias of the customers table. */
  readonly c: string;
}

/**
 * The rule SQL compiler writes every node for a wanted verdict: the fragment is TRUE exactly for
 * the customers whose verdict is `want`, and FALSE or NULL for the others. At the top of a WHERE
 * (through any AND and OR) NULL drops a row as FALSE does, so a leaf needs no `COALESCE(…, FALSE)`,
 * which would hide it from expression indexes; under NOT the leaf is asked for `want = false`.
 *
 * `truth` turns a leaf's predicate (TRUE when the leaf holds, FALSE or NULL when not) into that.
 */
export const truth = (holds: Fragment, want: boolean): Fragment =>
  want ? holds : sql`(${holds}) IS NOT TRUE`;

/** The groups of a rule tree and of an event filter. */
export type Group<T> =
  | { readonly kind: 'all' | 'any'; readonly children: readonly T[] }
  | { readonly kind: 'not'; readonly child: T };

/** `all` wanted true and `any` wanted false need every child to give the wanted verdict; the other two, some child. */
export const needsEveryChild = (kind: 'all' | 'any', want: boolean): boolean =>
  (kind === 'all') === want;

/** A group for a wanted verdict (see `truth`); `not` asks its child for the other verdict. */
export function group<T>(
  n: Group<T>,
  want: boolean,
  compile: (child: T, want: boolean) => Fragment,
): Fragment {
  switch (n.kind) {
    case 'all':
    case 'any': {
      const every = needsEveryChild(n.kind, want);
      if (n.children.length === 0) return every ? TRUE : FALSE;
      return sql`(${join(
        n.children.map((child) => compile(child, want)),
        every ? ' AND ' : ' OR ',
      )})`;
    }
    case 'not':
      return compile(n.child, !want);
    default:
      return assertUnreachable(n);
  }
}

/** `value` compared as the rule says: NULL when the value is NULL. */
export function comparison(value: Fragment, c: NumberComparison, d: SqlDialect): Fragment {
  switch (c.op) {
    case 'between':
      return sql`(${value} >= ${d.num(c.min)} AND ${value} <= ${d.num(c.max)})`;
    case 'eq':
      return sql`${value} = ${d.num(c.value)}`;
    case 'neq':
      return sql`${value} <> ${d.num(c.value)}`;
    case 'gt':
      return sql`${value} > ${d.num(c.value)}`;
    case 'gte':
      return sql`${value} >= ${d.num(c.value)}`;
    case 'lt':
      return sql`${value} < ${d.num(c.value)}`;
    case 'lte':
      return sql`${value} <= ${d.num(c.value)}`;
    default:
      return assertUnreachable(c);
  }
}
