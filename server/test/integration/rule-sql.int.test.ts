import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interpret, validateRule, type CustomerFacts, type RuleNode } from '@cairn/schema';
import { countMatchingCustomers, matchingCustomerIds } from '../../src/rules/rule-query';
import { workspaceWithFacts } from '../rule-facts-workspace';
import { startTestApp, testDialect, type TestApp } from '../harness';
import { customers, NOW, trait } from './rule-sql.fixtures';
import { conformanceRules as rules } from './rule-sql.cases';
import { negationCases } from './rule-sql.negation-cases';

let t: TestApp;
let workspaceId: string;
let facts: Map<string, CustomerFacts>;

beforeAll(async () => {
  t = await startTestApp();
  ({ workspaceId, facts } = await workspaceWithFacts(t, 'Rules', customers));
});
afterAll(() => t.close());

describe(`rule SQL on ${testDialect} agrees with the interpreter`, () => {
  it('loads back the facts it stored', () => {
    for (const c of customers) {
      const loaded = facts.get(c.id)!;
      expect(loaded.traits).toEqual(c.traits);
      const key = (e: CustomerFacts['events'][number]) =>
        JSON.stringify([e.occurredAt, e.name, e.properties]);
      expect(loaded.events.map(key).sort()).toEqual(c.events.map(key).sort());
      expect(loaded.events.map((e) => e.occurredAt)).toEqual(
        [...c.events.map((e) => e.occurredAt)].sort((a, b) => a - b),
      );
      expect(loaded.consent).toEqual(c.consent ?? {});
    }
  });

  it.each([...rules, ...negationCases])('%s', async (_name, root) => {
    const validated = validateRule({ version: 1, root });
    expect(validated.ok, JSON.stringify(validated)).toBe(true);
    if (!validated.ok) return;
    for (const timeZone of ['UTC', 'Pacific/Kiritimati']) {
      const expected = customers
        .filter((c) => interpret(validated.rule, facts.get(c.id)!, { now: NOW, timeZone }))
        .map((c) => c.id)
        .sort();
      const em = t.app.orm.em.fork();
      expect(
        await matchingCustomerIds(em, workspaceId, validated.rule, { now: NOW, timeZone }),
      ).toEqual(expected);
      expect(
        await countMatchingCustomers(em, workspaceId, validated.rule, { now: NOW, timeZone }),
      ).toBe(expected.length);
    }
  });

  it('keeps hostile values out of the SQL text', async () => {
    const hostile = `'; DROP TABLE customers; --`;
    const root: RuleNode = {
      kind: 'any',
      children: [
        trait('traits.country', 'string', { op: 'eq', value: hostile }),
        {
          kind: 'event',
          event: hostile,
          measure: { type: 'count', window: { type: 'ever' }, compare: { op: 'gt', value: 0 } },
        },
      ],
    };
    expect(
      await matchingCustomerIds(
        t.app.orm.em.fork(),
        workspaceId,
        { version: 1, root },
        { now: NOW },
      ),
    ).toEqual([]);
    expect(
      await countMatchingCustomers(
        t.app.orm.em.fork(),
        workspaceId,
        { version: 1, root: { kind: 'all', children: [] } },
        { now: NOW },
      ),
    ).toBe(customers.length);
  });
});
