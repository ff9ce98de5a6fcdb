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

describe('traitIndexOf', () => {
  it('puts equality and list membership first, scopes to the workspace, and names deterministically', () => {
    const index = traitIndexOf(rule({ kind: 'all', children: [ltv, country] }), sqliteDialect, WS)!;
    expect(index.ddl).toMatch(
      /^CREATE INDEX IF NOT EXISTS cairn_traits_[0-9a-f]{24} ON customers \(\(\(CASE WHEN json_type\(traits, '\$\."country"'\).*"ltv".*\) WHERE workspace_id = '00000000-0000-7000-8000-0000000000aa'$/,
    );
    expect(index.covers).toBe(true);
    const again = traitIndexOf(rule({ kind: 'all', children: [country, ltv] }), sqliteDialect, WS)!;
    expect(again.name).toBe(index.name);
    expect(traitIndexOf(rule(ltv), sqliteDialect, WS)!.name).not.toBe(index.name);
  });

  it('covers list tests on SQLite; on PostgreSQL the rule is the predicate, built concurrently', () => {
    expect(
      traitIndexOf(rule({ kind: 'any', children: [ltv, tags] }), sqliteDialect, WS)!.covers,
    ).toBe(true);
    const pg = traitIndexOf(rule({ kind: 'any', children: [ltv, tags] }), postgresDialect, WS)!;
    expect(pg.name).toMatch(/^cairn_rule_[0-9a-f]{24}$/);
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

  it('on PostgreSQL falls back to expressions when the rule SQL is not fixed (clock, createdAt)', () => {
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

  it('has nothing to index for presence tests, profile fields or event rules', () => {
    const exists: RuleNode = { kind: 'trait', path: 'traits.vip', type: 'boolean', op: 'exists' };
    const email: RuleNode = { kind: 'trait', path: 'email', type: 'string', op: 'eq', value: 'a' };
    const event: RuleNode = {
      kind: 'event',
      event: 'order',
      measure: { type: 'count', window: { type: 'ever' }, compare: { op: 'gt', value: 0 } },
    };
    expect(traitIndexOf(rule(exists), sqliteDialect, WS)).toBeUndefined();
    expect(traitIndexOf(rule(email), sqliteDialect, WS)).toBeUndefined();
    expect(
      traitIndexOf(rule({ kind: 'all', children: [ltv, event] }), sqliteDialect, WS),
    ).toBeUndefined();
    expect(
      traitIndexOf(rule({ kind: 'all', children: [ltv, exists] }), sqliteDialect, WS)!.covers,
    ).toBe(false);
  });
});

describe('inlined', () => {
  it('writes parameters as literals, quotes doubled', () => {
    expect(inlined(sql`f(${"it's"}, ${2.5})`)).toBe("f('it''s', 2.5)");
    expect(() => inlined(sql`f(${Number.NaN})`)).toThrow(/No SQL literal/);
  });
});
