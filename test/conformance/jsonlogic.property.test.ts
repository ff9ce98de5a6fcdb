/**
 * JsonLogic interop against the real json-logic-js: exported rules must give the interpreter's
 * verdict on any customer, imported rules must give json-logic-js's verdict on well-typed data, and
 * every node that cannot be exported must be reported.
 */
import {
  interpret,
  validateRule,
  type CustomerFacts,
  type RuleDocument,
  type RuleNode,
} from '@cairn/schema';
import jsonLogic, { type RulesLogic } from 'json-logic-js';
import { describe, expect, it } from 'vitest';
import { fromJsonLogic, toJsonLogic } from '../../schema/src/rules/jsonlogic';
import {
  factsArbitrary,
  fc,
  ruleArbitrary,
} from '../../schema/src/rules/jsonlogic/jsonlogic.arbitraries';
import {
  arbCondition,
  arbCustomerFacts,
  arbEvaluationCase,
} from '../../schema/src/rules/testing/arbitraries';

const RUNS = Number(process.env['RULE_PROPERTY_RUNS'] ?? 1000);
const NOW = Date.UTC(2026, 4, 1);
const customers = fc.array(factsArbitrary, { minLength: 1, maxLength: 5 });

/** json-logic-js's verdict on the facts object (JSON values only; the logic returns a boolean). */
const applyLogic = (logic: unknown, data: unknown): unknown =>
  jsonLogic.apply(logic as RulesLogic, data);

function nodeIds(node: RuleNode): string[] {
  const own = node.id === undefined ? [] : [node.id];
  if (node.kind === 'all' || node.kind === 'any')
    return [...own, ...node.children.flatMap(nodeIds)];
  if (node.kind === 'not') return [...own, ...nodeIds(node.child)];
  return own;
}

describe('toJsonLogic, evaluated by json-logic-js', () => {
  it('gives the interpreter verdict for every exportable rule and customer', () => {
    fc.assert(
      fc.property(ruleArbitrary(), customers, (rule, facts) => {
        expect(validateRule(rule).ok).toBe(true);
        const out = toJsonLogic(rule);
        if (!out.ok) throw new Error(`not exported: ${JSON.stringify(out.problems)}`);
        for (const customer of facts) {
          expect(applyLogic(out.logic, customer)).toBe(interpret(rule, customer, { now: NOW }));
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('imports back to a rule that evaluates the same', () => {
    fc.assert(
      fc.property(ruleArbitrary(), customers, (rule, facts) => {
        const out = toJsonLogic(rule);
        if (!out.ok) throw new Error(`not exported: ${JSON.stringify(out.problems)}`);
        const back = fromJsonLogic(out.logic);
        if (!back.ok) throw new Error(`not imported: ${JSON.stringify(back.problems)}`);
        expect(validateRule(back.rule).ok).toBe(true);
        for (const customer of facts) {
          expect(interpret(back.rule, customer, { now: NOW })).toBe(
            interpret(rule, customer, { now: NOW }),
          );
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('reports exactly the nodes it cannot export (events, regexes, built-in paths...), else agrees', () => {
    fc.assert(
      fc.property(
        ruleArbitrary({ unsafePaths: true, unsupported: true }),
        customers,
        (rule, facts) => {
          const expected = nodeIds(rule.root).filter((id) => id.startsWith('unsupported-'));
          const out = toJsonLogic(rule);
          if (!out.ok) {
            expect(out.problems.map((p) => p.nodeId)).toEqual(expected);
            expect(out.problems.every((p) => p.code === 'JSONLOGIC_UNSUPPORTED_NODE')).toBe(true);
            return;
          }
          expect(expected).toEqual([]);
          for (const customer of facts) {
            expect(applyLogic(out.logic, customer)).toBe(interpret(rule, customer, { now: NOW }));
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});

// ── importing what json-logic users write ──────────────────────────────────────────────────────

/** react-querybuilder's extra operations (its `jsonLogicAdditionalOperators`). */
jsonLogic.add_operation(
  'startsWith',
  (a: unknown, b: string) => typeof a === 'string' && a.startsWith(b),
);
jsonLogic.add_operation(
  'endsWith',
  (a: unknown, b: string) => typeof a === 'string' && a.endsWith(b),
);

const FIELDS = { country: 'string', ltv: 'number', vip: 'boolean', plan: 'string' } as const;
type Field = keyof typeof FIELDS;
const STRINGS = ['US', 'CA', 'U', 'USA', 'pro', 'pro plus', 'free'];
const literalOf = (field: Field): fc.Arbitrary<string | number | boolean> =>
  FIELDS[field] === 'number'
    ? fc.integer({ min: -2, max: 6 })
    : FIELDS[field] === 'boolean'
      ? fc.boolean()
      : fc.constantFrom(...STRINGS);

/** A comparison as react-querybuilder or a hand-writing json-logic user writes it. */
const comparison: fc.Arbitrary<unknown> = fc
  .constantFrom(...(Object.keys(FIELDS) as Field[]))
  .chain((field) => {
    const v = { var: field };
    const lit = literalOf(field);
    const forms: Array<fc.Arbitrary<unknown>> = [
      fc
        .tuple(fc.constantFrom('==', '===', '!=', '!=='), lit, fc.boolean())
        .map(([op, x, left]) => ({ [op]: left ? [x, v] : [v, x] })),
      fc.tuple(fc.constantFrom('==', '!='), fc.constant(null)).map(([op]) => ({ [op]: [v, null] })),
    ];
    if (FIELDS[field] === 'string') {
      // Truthiness of a field: Cairn reads it as (not) empty, which matches JsonLogic on strings only
      // (0 and false are values to Cairn, falsy to JsonLogic: a documented difference).
      forms.push(fc.constantFrom('!!', '!').map((op) => ({ [op]: v })));
    }
    if (FIELDS[field] !== 'boolean') {
      forms.push(
        fc.uniqueArray(lit, { minLength: 1, maxLength: 3 }).map((xs) => ({ in: [v, xs] })),
      );
    }
    if (FIELDS[field] === 'number') {
      forms.push(
        fc
          .tuple(fc.constantFrom('>', '>=', '<', '<='), lit, fc.boolean())
          .map(([op, x, left]) => ({ [op]: left ? [x, v] : [v, x] })),
      );
      forms.push(
        fc
          .tuple(fc.constantFrom('<', '<='), lit, lit)
          .map(([op, a, b]) => ({ [op]: [Math.min(+a, +b), v, Math.max(+a, +b)] })),
      );
    }
    if (FIELDS[field] === 'string') {
      forms.push(fc.constantFrom('U', 'S', 'pro', ' ').map((x) => ({ in: [x, v] })));
      forms.push(
        fc
          .tuple(
            fc.constantFrom('startsWith', 'endsWith'),
            fc.constantFrom('U', 'S', 'pro', 'plus'),
          )
          .map(([op, x]) => ({ [op]: [v, x] })),
      );
    }
    return fc.oneof(...forms);
  });

const { logic: userLogic } = fc.letrec<{ logic: unknown }>((tie) => ({
  logic: fc.oneof(
    { maxDepth: 3, depthIdentifier: 'logic' },
    { arbitrary: comparison, weight: 4 },
    {
      arbitrary: fc
        .tuple(
          fc.constantFrom('and', 'or'),
          fc.array(tie('logic'), { maxLength: 3, depthIdentifier: 'logic' }),
        )
        .map(([op, xs]) => ({ [op]: xs })),
      weight: 2,
    },
    { arbitrary: tie('logic').map((x) => ({ '!': x })), weight: 1 },
  ),
}));

/** Data where every field holds a value of its literals' type (json-logic-js compares loosely otherwise). */
const wellTyped = fc.record({
  country: fc.constantFrom(...STRINGS, ''),
  ltv: fc.integer({ min: -3, max: 7 }),
  vip: fc.boolean(),
  plan: fc.constantFrom(...STRINGS, ''),
});

describe('fromJsonLogic', () => {
  it('gives json-logic-js verdict on data where every field holds a value of its type', () => {
    fc.assert(
      fc.property(userLogic, fc.array(wellTyped, { minLength: 1, maxLength: 5 }), (logic, rows) => {
        const imported = fromJsonLogic(logic);
        if (!imported.ok) throw new Error(`not imported: ${JSON.stringify(imported.problems)}`);
        const rule: RuleDocument = imported.rule;
        expect(validateRule(rule).ok).toBe(true);
        for (const traits of rows) {
          const facts: CustomerFacts = { id: 'c', traits, events: [] };
          expect(interpret(rule, facts, { now: NOW })).toBe(
            jsonLogic.truthy(applyLogic(logic, traits)),
          );
        }
      }),
      { numRuns: RUNS },
    );
  });
});

// ── the shared generators of the rule language (every node kind, operator and value shape) ─────

/** The node a problem path points into (its trailing field name, if any, dropped). */
function nodeAt(rule: RuleDocument, path: ReadonlyArray<string | number>): RuleNode {
  let at: unknown = rule;
  for (const key of path) {
    const next = (at as Record<string | number, unknown>)[key];
    if (typeof next !== 'object' || next === null) break;
    at = next;
  }
  return at as RuleNode;
}

/**
 * The facts as JSON data (what the server loads from the database), the data JsonLogic is defined
 * on: the shared generators also build objects that inherit data from their prototype, which
 * `var` reads and the interpreter does not (see the last test).
 */
const asJson = (facts: CustomerFacts): CustomerFacts => {
  const json = JSON.parse(JSON.stringify(facts)) as CustomerFacts;
  // As stored: createdAt is a database timestamp, so always a representable time. (The
  // interpreter reads an unrepresentable one as missing; JsonLogic would see a number.)
  const t = json.createdAt;
  if (t === undefined || (Number.isFinite(t) && Math.abs(t) <= 8.64e15)) return json;
  const { createdAt: _unrepresentable, ...stored } = json;
  return stored;
};

describe('toJsonLogic with the shared rule generators (schema/src/rules/testing)', () => {
  it('exports any single condition with the interpreter verdict, or reports it', () => {
    fc.assert(
      fc.property(
        arbCondition,
        fc.array(arbCustomerFacts(NOW), { minLength: 1, maxLength: 4 }),
        (root, facts) => {
          const rule: RuleDocument = { version: 1, root };
          const out = toJsonLogic(rule);
          if (!out.ok) {
            expect(out.problems).toHaveLength(1);
            expect(nodeAt(rule, out.problems[0]!.path)).toBe(root);
            return;
          }
          const back = fromJsonLogic(out.logic);
          if (!back.ok) throw new Error(`not imported: ${JSON.stringify(back.problems)}`);
          for (const customer of facts.map(asJson)) {
            const verdict = interpret(rule, customer, { now: NOW });
            expect(applyLogic(out.logic, customer)).toBe(verdict);
            expect(interpret(back.rule, customer, { now: NOW })).toBe(verdict);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('exports any whole rule with the interpreter verdict, or reports only non-group nodes', () => {
    fc.assert(
      fc.property(arbEvaluationCase(), ({ rule, facts: generated, options }) => {
        const facts = asJson(generated);
        const out = toJsonLogic(rule);
        if (!out.ok) {
          for (const problem of out.problems) {
            const node = nodeAt(rule, problem.path);
            expect(['all', 'any', 'not']).not.toContain(node.kind);
            expect(problem.nodeId).toBe(node.id);
          }
          return;
        }
        expect(applyLogic(out.logic, facts)).toBe(interpret(rule, facts, options));
      }),
      { numRuns: RUNS },
    );
  });

  it('is defined on JSON data: a property inherited from a prototype is a value to var only', () => {
    const rule: RuleDocument = {
      version: 1,
      root: { kind: 'trait', path: 'traits.ltv', type: 'number', op: 'exists' },
    };
    const out = toJsonLogic(rule);
    if (!out.ok) throw new Error('not exported');
    const inherits: CustomerFacts = { id: 'c', traits: Object.create({ ltv: 900 }), events: [] };
    expect(interpret(rule, inherits, { now: NOW })).toBe(false);
    expect(applyLogic(out.logic, inherits)).toBe(true);
    expect(applyLogic(out.logic, asJson(inherits))).toBe(false);
  });
});
