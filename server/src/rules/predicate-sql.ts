import {
  assertUnreachable,
  durationMs,
  parseIsoInstant,
  type Predicate,
  type ValueType,
} from '@cairn/schema';
import type { JsonRef, SqlDialect } from './sql-dialect';
import { join, raw, sql, type Fragment } from './sql-fragment';
import { FALSE, type RuleSqlContext } from './sql-logic';

/** A value as seen by a predicate: where it is, and how to read it as each type. */
export interface Subject {
  present: Fragment;
  empty: Fragment;
  typed(type: ValueType): Fragment;
  /** For date-typed subjects: the value's ISO text (anniversaries need the calendar date). */
  dateText: Fragment;
  stringList: Fragment;
  listHasAny(values: readonly string[]): Fragment;
  booleanIs(value: boolean): Fragment;
}

/** A value inside a JSON document (a trait, an event property). */
export function jsonSubject(ref: JsonRef, d: SqlDialect): Subject {
  const text = d.text(ref);
  return {
    present: d.present(ref),
    empty: d.empty(ref),
    typed: (type) =>
      type === 'number' ? d.number(ref) : type === 'date' ? d.instantOfText(text) : text,
    dateText: text,
    stringList: d.stringList(ref),
    listHasAny: (values) => d.listHasAny(ref, values),
    booleanIs: (value) => d.booleanIs(ref, value),
  };
}

/** A string column (NULL when missing). */
function columnSubject(col: Fragment): Subject {
  return {
    present: sql`${col} IS NOT NULL`,
    empty: sql`(${col} IS NULL OR ${col} = '')`,
    typed: () => col,
    dateText: col,
    stringList: FALSE,
    listHasAny: () => FALSE,
    booleanIs: () => FALSE,
  };
}

/** A profile field (`email`, `createdAt`) or a trait (`traits.…`) of the customer. */
export function traitSubject(path: string, ctx: RuleSqlContext): Subject {
  if (path === 'email') return columnSubject(raw(`${ctx.c}.email`));
  if (path === 'createdAt') {
    const column = `${ctx.c}.created_at`;
    return {
      ...columnSubject(raw(column)),
      empty: sql`${raw(column)} IS NULL`,
      typed: (type) => (type === 'date' ? ctx.d.instantOfColumn(column) : raw('NULL')),
      dateText: ctx.d.isoTextOfColumn(column),
    };
  }
  return jsonSubject(
    { column: `${ctx.c}.traits`, path: path.slice('traits.'.length).split('.') },
    ctx.d,
  );
}

const literal = (value: string | number | boolean, type: ValueType, d: SqlDialect): Fragment =>
  type === 'date'
    ? d.num(parseIsoInstant(String(value)) ?? NaN)
    : typeof value === 'number'
      ? d.num(value)
      : sql`${value}`;

/**
 * The SQL twin of the interpreter's `testPredicate`: TRUE when the predicate holds, FALSE or NULL
 * when it does not (see `truth` in sql-logic.ts for how NOT stays exact).
 */
export function predicate(
  p: Predicate,
  type: ValueType,
  s: Subject,
  ctx: RuleSqlContext,
): Fragment {
  const { d } = ctx;
  switch (p.op) {
    case 'exists':
      return s.present;
    case 'notExists':
      return sql`NOT ${s.present}`;
    case 'isEmpty':
      return s.empty;
    default:
      break;
  }
  if (type === 'boolean') {
    if (p.op !== 'eq' && p.op !== 'neq') return FALSE;
    const value = p.value === true;
    return p.op === 'eq' ? s.booleanIs(value) : s.booleanIs(!value);
  }
  if (type === 'stringList') {
    switch (p.op) {
      // The element test first: it fails fast on most lists (a containment, or SQLite's text
      // prefilter), where "every element a string" reads every element.
      case 'contains':
        return sql`(${s.listHasAny([p.value])} AND ${s.stringList})`;
      case 'notContains':
        return sql`(${s.stringList} AND NOT ${s.listHasAny([p.value])})`;
      case 'in':
        return sql`(${s.listHasAny(p.values.map(String))} AND ${s.stringList})`;
      case 'notIn':
        return sql`(${s.stringList} AND NOT ${s.listHasAny(p.values.map(String))})`;
      default:
        return FALSE;
    }
  }
  const v = s.typed(type);
  switch (p.op) {
    case 'eq':
      return sql`${v} = ${literal(p.value, type, d)}`;
    case 'neq':
      return sql`${v} <> ${literal(p.value, type, d)}`;
    case 'gt':
      return sql`${v} > ${literal(p.value, type, d)}`;
    case 'gte':
      return sql`${v} >= ${literal(p.value, type, d)}`;
    case 'lt':
      return sql`${v} < ${literal(p.value, type, d)}`;
    case 'lte':
      return sql`${v} <= ${literal(p.value, type, d)}`;
    case 'between':
      return sql`(${v} >= ${literal(p.min, type, d)} AND ${v} <= ${literal(p.max, type, d)})`;
    case 'in':
    case 'notIn': {
      const list = join(
        p.values.map((x) => literal(x, type, d)),
        ', ',
      );
      return p.op === 'in'
        ? sql`${v} IN (${list})`
        : sql`(${v} IS NOT NULL AND ${v} NOT IN (${list}))`;
    }
    case 'contains':
      return d.contains(v, p.value);
    case 'notContains':
      return sql`(${v} IS NOT NULL AND NOT ${d.contains(v, p.value)})`;
    case 'startsWith':
      return d.startsWith(v, p.value);
    case 'endsWith':
      return d.endsWith(v, p.value);
    case 'matches':
      return d.matches(v, p.pattern, p.ignoreCase === true);
    case 'before':
      return sql`${v} < ${literal(p.value, 'date', d)}`;
    case 'after':
      return sql`${v} > ${literal(p.value, 'date', d)}`;
    case 'withinLast':
      return sql`(${v} <= ${d.num(ctx.now)} AND ${v} >= ${d.num(ctx.now - durationMs(p.duration))})`;
    case 'notWithinLast':
      return sql`${v} < ${d.num(ctx.now - durationMs(p.duration))}`;
    case 'anniversaryWithin':
      return sql`(${v} IS NOT NULL AND ${d.anniversaryDays(s.dateText, ctx.now, ctx.timeZone)} <= ${d.num(p.days)})`;
    default:
      return assertUnreachable(p);
  }
}
