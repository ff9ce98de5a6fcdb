import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { interpret, validateRule, type CustomerFacts, type RuleDocument } from '@cairn/schema';
import {
  arbCustomerFactsAt,
  arbEvaluationOptions,
  arbRuleDocument,
  arbRuleNode,
} from '@cairn/schema/testing';
import { newId } from '../../src/db/ids';
import { scopeToWorkspace } from '../../src/db/workspace-filter';
import { loadCustomerFacts } from '../../src/rules/customer-facts';
import { matchingCustomerIds } from '../../src/rules/rule-query';
import { storeFacts } from '../rule-facts-store';
import { startTestApp, testDialect, type TestApp } from '../harness';

/** Property runs; each stores 2-5 customers and checks 3 rules against each (over 1,000 cases by default). */
const RUNS = Number(process.env['RULE_SQL_RUNS'] ?? 150);
/** A fixed fast-check seed (`RULE_SQL_SEED`) to replay a run; random otherwise. */
const SEED = process.env['RULE_SQL_SEED'] ? Number(process.env['RULE_SQL_SEED']) : undefined;
const RULES_PER_RUN = 3;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

/**
 * Any rule, and rules under a NOT: the compiler writes every node for the verdict it must give
 * (`IS NOT TRUE` leaves, event sets as NOT IN), so negated trees get a run of their own.
 */
const RULE_KINDS: Array<[string, fc.Arbitrary<RuleDocument>]> = [
  ['rules', arbRuleDocument({ maxDepth: 3 })],
  [
    'negated rules',
    arbRuleNode({ maxDepth: 3 }).map((child) => ({
      version: 1 as const,
      root: { kind: 'not' as const, child },
    })),
  ],
];

it.each(RULE_KINDS)(
  `SQL on ${testDialect} selects exactly the customers the interpreter accepts: %s (${RUNS} runs)`,
  async (kind, arbRule) => {
    let cases = 0;
    const verdicts = { true: 0, false: 0 };
    await fc.assert(
      fc.asyncProperty(
        arbEvaluationOptions(),
        fc.array(arbCustomerFactsAt(), { minLength: 2, maxLength: 5 }),
        fc.array(arbRule, {
          minLength: RULES_PER_RUN,
          maxLength: RULES_PER_RUN,
        }),
        async (options, customersAt, rules) => {
          const workspaceId = (await t.workspace(`prop-${newId()}`)).id;
          // Fresh ids (the generator's may repeat); the bucket and every verdict use the stored ones.
          // Emails are unique per workspace, so a repeated one is stored as no email.
          const emails = new Set<string>();
          const customers: CustomerFacts[] = customersAt.map((at) => {
            const c = at(options.now);
            const email = c.email && !emails.has(c.email) ? c.email : null;
            if (email) emails.add(email);
            return storable({ ...c, id: newId(), email });
          });
          await storeFacts(t.app.orm.em.fork(), workspaceId, customers);
          const em = t.app.orm.em.fork();
          scopeToWorkspace(em, workspaceId);
          // The oracle sees what the database holds (JSON drops NaN, Infinity and undefined).
          const stored = await loadCustomerFacts(
            em,
            customers.map((c) => c.id),
          );
          for (const rule of rules) {
            const validated = validateRule(rule);
            expect(validated.ok, 'the generator produced a rule the validator rejects').toBe(true);
            const expected = [...stored.values()]
              .filter((f) => interpret(rule, f, options))
              .map((f) => f.id)
              .sort();
            const context = () =>
              JSON.stringify({ options, rule, customers: [...stored.values()] });
            const actual = await matchingCustomerIds(
              t.app.orm.em.fork(),
              workspaceId,
              rule,
              options,
            ).catch((error: unknown) => {
              throw new Error(`SQL failed: ${(error as Error).message}\n${context()}`);
            });
            expect(actual, context()).toEqual(expected);
            cases += stored.size;
            verdicts.true += expected.length;
            verdicts.false += stored.size - expected.length;
          }
        },
      ),
      { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) },
    );
    // Not vacuous: enough cases, and both verdicts well represented.
    expect(cases).toBeGreaterThanOrEqual(RUNS * RULES_PER_RUN);
    expect(verdicts.true).toBeGreaterThan(cases * 0.1);
    expect(verdicts.false).toBeGreaterThan(cases * 0.1);
    console.log(
      `rule SQL property (${testDialect}, ${kind}): ${cases} rule × customer cases, ${verdicts.true} true / ${verdicts.false} false`,
    );
  },
  600_000,
);

/** Only what the product stores: instants and score values must be finite (ingestion rejects the rest). */
function storable(c: CustomerFacts): CustomerFacts {
  // Years 0001-9999, as the rule language's dates.
  const finite = (n: number) =>
    Number.isFinite(n) && n >= -62_135_596_800_000 && n <= 253_402_300_799_999;
  const { createdAt, ...rest } = c;
  return {
    ...rest,
    ...(createdAt !== undefined && finite(createdAt) ? { createdAt } : {}),
    events: c.events.filter((e) => finite(e.occurredAt)),
    scores: Object.fromEntries(
      Object.entries(c.scores ?? {}).map(([model, s]) => [
        model,
        { history: s.history.filter((h) => finite(h.at) && Number.isFinite(h.value)) },
      ]),
    ),
  };
}
