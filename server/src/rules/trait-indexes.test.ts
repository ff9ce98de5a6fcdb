import { describe, expect, it } from 'vitest';
import type { RuleDocument, RuleNode } from '@cairn/schema';
import { postgresDialect } from './postgres-dialect';
import { sql } from './sql-fragment';
import { sqliteDialect } from './sqlite-dialect';
import { inlined, traitIndexOf } from './trait-indexes';

const WS = '00000000-0000-7000-8000-0000000000aa';
const rule = (root: RuleNode): RuleDocument => ({ version: 1, root });
const ltv: RuleNode = { kind: 'trait', path: 'traits.ltv', type: 'number', op: 'gt', value: 500 };
const country: RuleNode = {
  kind: 'trait',
  path: 'traits.country',
  type: 'string',
  op: 'in',
  values: ['US'],
};
const tags: RuleNode = {
  kind: 'trait',
  path: 'traits.tags',
  type: 'stringList',
  op: 'contains',
  value: 'vip',
};

/** Rules with these get no rule index: their SQL is not fixed (the clock, a stable function). */
const recent: RuleNode = {
  kind: 'trait',
  path: 'traits.seenAt',
  type: 'date',
  op: 'withinLast',
  duration: { amount: 7, unit: 'days' },
};
const created: RuleNode = {
  kind: 'trait',
  path: 'createdAt',
  type: 'date',
  op: 'after',
  value: '2026-01-01',
};

describe('traitIndexOf', () => {
  it('puts equality and list membership first, scopes to the workspace, and names deterministically', () => {
    const all = (...children: RuleNode[]) => rule({ kind: 'all', children });
    const index = traitIndexOf(all(ltv, country, recent), sqliteDialect, WS)!;
    expect(index.kind).toBe('traits');
    expect(index.ddl).toMatch(
      /^CREATE INDEX IF NOT EXISTS cairn_traits_[0-9a-f]{24} ON customers \(\(\(CASE WHEN json_type\(traits, '\$\."country"'\).*"ltv".*\) WHERE workspace_id = '00000000-0000-7000-8000-0000000000aa'$/,
    );
    expect(index.covers).toBe(true);
    expect(traitIndexOf(all(country, ltv, recent), sqliteDialect, WS)!.name).toBe(index.name);
    expect(traitIndexOf(all(ltv, recent), sqliteDialect, WS)!.name).not.toBe(index.name);
  });

  it('makes the rule the predicate of a rule index on both engines (PostgreSQL: concurrently)', () => {
    const lite = traitIndexOf(rule({ kind: 'any', children: [ltv, tags] }), sqliteDialect, WS)!;
    expect(lite).toMatchObject({ kind: 'rule', covers: true });
    expect(lite.name).toMatch(/^cairn_rule_[0-9a-f]{24}$/);
    // SQLite: no subquery in an index's WHERE, so the list tests are function calls over its text.
    expect(lite.ddl).toMatch(
      /^CREATE INDEX IF NOT EXISTS cairn_rule_[0-9a-f]{24} ON customers \(created_at, id\) WHERE workspace_id = '00000000-0000-7000-8000-0000000000aa' AND \(.*json_extract\(customers\.traits, '\$\."ltv"'\) END\) > 500 OR \(cairn_list_has_any\(.*, 'vip'\) = 1 AND cairn_string_list\(.*\) = 1\)\)\)$/,
    );
    expect(lite.ddl).not.toMatch(/SELECT|\?/);
    const pg = traitIndexOf(rule({ kind: 'any', children: [ltv, tags] }), postgresDialect, WS)!;
    expect(pg.name).toMatch(/^cairn_rule_[0-9a-f]{24}$/);
    expect(pg.name).not.toBe(lite.name);
    expect(pg.covers).toBe(true);
    // The rule SQL as the compiler writes it, over the table's own columns, values inlined.
    expect(pg.ddl).toMatch(
      /^CREATE INDEX CONCURRENTLY IF NOT EXISTS cairn_rule_[0-9a-f]{24} ON customers \(created_at, id\) WHERE workspace_id = '00000000-0000-7000-8000-0000000000aa' AND \(.*customers\.traits #>> ARRAY\['ltv'\]::text\[\].* > CAST\(500 AS double precision\).* OR .*'\["vip"\]'::jsonb.*\)$/,
    );
    expect(pg.ddl).toContain(`'strict $[*] ? (@.type() != "string")'::jsonpath`);
    expect(
      traitIndexOf(rule({ kind: 'any', children: [tags, ltv] }), postgresDialect, WS)!.name,
    ).not.toBe(pg.name);
  });

  it('writes hostile values into a SQLite rule index as literals that stay literals', () => {
    const planIs = (value: string) =>
      traitIndexOf(
        rule({ kind: 'trait', path: 'traits.plan', type: 'string', op: 'eq', value }),
        sqliteDialect,
        WS,
      )!;
    const quote = planIs("x') OR 1=1; DROP TABLE customers; --");
    expect(quote.ddl).toContain(`= 'x'') OR 1=1; DROP TABLE customers; --')`);
    // Backslashes, `?` (a placeholder to a driver) and unicode are plain characters in a literal.
    expect(planIs("a\\'?é🙂").ddl).toContain(`= 'a\\''?é🙂')`);
    // NUL would end SQLite's reading of the statement: the expression index instead.
    expect(planIs("a\0'").kind).toBe('traits');
    // Every value its own index.
    expect(new Set(['a', 'b', "a'", "'a"].map((v) => planIs(v).name)).size).toBe(4);
    // Too long for SQLite's schema: the expression index.
    expect(planIs('x'.repeat(20_000)).kind).toBe('traits');
  });

  it('on PostgreSQL falls back to expressions when the rule SQL is not fixed (clock, createdAt)', () => {
    for (const other of [recent, created]) {
      const pg = traitIndexOf(
        rule({ kind: 'all', children: [country, other] }),
        postgresDialect,
        WS,
      )!;
      expect(pg.name).toMatch(/^cairn_traits_/);
      expect(pg.ddl).toMatch(
        /^CREATE INDEX CONCURRENTLY IF NOT EXISTS .*ARRAY\['country'\]::text\[\]/,
      );
    }
    // PostgreSQL reads the table's rows for an expression index: it pays only with an equality.
    expect(traitIndexOf(rule({ kind: 'all', children: [ltv, recent] }), postgresDialect, WS)).toBe(
      undefined,
    );
  });

  it('has nothing to index for event rules, nor only presence tests and profile fields', () => {
    const exists: RuleNode = { kind: 'trait', path: 'traits.vip', type: 'boolean', op: 'exists' };
    const email: RuleNode = { kind: 'trait', path: 'email', type: 'string', op: 'eq', value: 'a' };
    const event: RuleNode = {
      kind: 'event',
      event: 'order',
      measure: { type: 'count', window: { type: 'ever' }, compare: { op: 'gt', value: 0 } },
    };
    const all = (...children: RuleNode[]) => rule({ kind: 'all', children });
    for (const d of [sqliteDialect, postgresDialect]) {
      // Fixed SQL: the rule index holds them.
      expect(traitIndexOf(rule(exists), d, WS)!.kind).toBe('rule');
      expect(traitIndexOf(rule(email), d, WS)!.kind).toBe('rule');
      expect(traitIndexOf(all(exists, created), d, WS)).toBeUndefined();
      expect(traitIndexOf(all(email, created), d, WS)).toBeUndefined();
      expect(traitIndexOf(all(ltv, event), d, WS)).toBeUndefined();
    }
    expect(traitIndexOf(all(ltv, exists, recent), sqliteDialect, WS)!.covers).toBe(false);
  });
});

describe('inlined', () => {
  it('writes parameters as literals, quotes doubled', () => {
    expect(inlined(sql`f(${"it's"}, ${2.5})`)).toBe("f('it''s', 2.5)");
    expect(inlined(sql`f(${Number.NaN})`)).toBeUndefined();
    expect(inlined(sql`f(${true})`)).toBeUndefined();
    // NUL ends SQLite's reading of a statement; PostgreSQL's text cannot hold it.
    expect(inlined(sql`f(${'a\0'})`)).toBeUndefined();
  });
});
