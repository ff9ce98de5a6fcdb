import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BASE_METRIC_IDS } from '../base-metrics';
import { FORMULA_LIMITS } from '../problems';
import { f, withoutSpans, type FormulaNode } from './ast';
import { evaluateFormula } from './evaluate';
import { parseFormula } from './parse';
import { printFormula } from './print';
import { validateFormula } from './validate';

const codes = (text: string) => validateFormula(text).problems.map((p) => p.code);

describe('parseFormula', () => {
  it('respects precedence, associativity and parentheses', () => {
    expect(withoutSpans(parseFormula('clicked / opened * 100').formula!)).toEqual(
      f.percent(f.metric('clicked'), f.metric('opened')),
    );
    expect(withoutSpans(parseFormula('revenue - spend - orders').formula!)).toEqual(
      f.sub(f.sub(f.metric('revenue'), f.metric('spend')), f.metric('orders')),
    );
    expect(withoutSpans(parseFormula('revenue - (spend - orders)').formula!)).toEqual(
      f.sub(f.metric('revenue'), f.sub(f.metric('spend'), f.metric('orders'))),
    );
    expect(withoutSpans(parseFormula('-2 * max(opened, clicked, 1.5e3)').formula!)).toEqual(
      f.mul(
        { kind: 'negate', operand: f.num(2) },
        {
          kind: 'call',
          fn: 'max',
          args: [f.metric('opened'), f.metric('clicked'), f.num(1500)],
        },
      ),
    );
  });

  it('records the character range of every node', () => {
    const node = parseFormula('  (opened + 1) / sent').formula!;
    expect(node.span).toEqual({ start: 2, end: 21 });
    expect(node.kind === 'binary' && node.left.span).toEqual({ start: 2, end: 14 });
  });
});

describe('validateFormula', () => {
  it('accepts a formula and returns its dimension', () => {
    const result = validateFormula('revenue / orders');
    expect(result.ok).toBe(true);
    expect(result.ok && result.dimension).toEqual({ currency: 1, time: 0 });
  });

  it('suggests the metric meant, with its range', () => {
    const [problem] = validateFormula('clicked / deliverd * 100').problems;
    expect(problem).toMatchObject({ code: 'FORMULA_UNKNOWN_METRIC', start: 10, end: 18 });
    expect(problem!.message).toContain('did you mean "delivered"');
    expect(validateFormula('bounced_hard / sent').problems[0]!.message).toContain('"bounced.hard"');
    expect(validateFormula('zzzz / sent').problems[0]!.message).toContain('use one of: sent,');
    expect(validateFormula('cac * 2').problems[0]!.message).toContain(
      'is a KPI, not a base metric; write its formula instead: spend / newCustomers',
    );
  });

  it('reports every problem at once, in text order', () => {
    const result = validateFormula('(opend + # revenue) / 0 / mean(sent)');
    expect(result.problems.map((p) => [p.code, p.start])).toEqual([
      ['FORMULA_UNKNOWN_METRIC', 1],
      ['FORMULA_UNEXPECTED_CHARACTER', 9],
      ['FORMULA_DIVISION_BY_ZERO', 22],
      ['FORMULA_UNKNOWN_FUNCTION', 26],
    ]);
  });

  it('checks names in every part, also those cut off by a missing operator', () => {
    expect(codes('opend clickd')).toEqual([
      'FORMULA_UNKNOWN_METRIC',
      'FORMULA_EXPECTED_OPERATOR',
      'FORMULA_UNKNOWN_METRIC',
    ]);
  });

  it.each([
    ['', 'FORMULA_EMPTY'],
    ['opened +', 'FORMULA_EXPECTED_OPERAND'],
    ['* opened', 'FORMULA_EXPECTED_OPERAND'],
    ['opened clicked', 'FORMULA_EXPECTED_OPERATOR'],
    ['opened, clicked', 'FORMULA_EXPECTED_OPERATOR'],
    ['(opened + clicked', 'FORMULA_UNCLOSED_PARENTHESIS'],
    ['max(opened, clicked', 'FORMULA_UNCLOSED_PARENTHESIS'],
    ['opened + clicked)', 'FORMULA_UNMATCHED_PARENTHESIS'],
    ['min(opened)', 'FORMULA_WRONG_ARGUMENT_COUNT'],
    ['maxx(opened, sent)', 'FORMULA_UNKNOWN_FUNCTION'],
    ['revenue + orders', 'FORMULA_UNIT_MISMATCH'],
    ['max(spend, periodDays)', 'FORMULA_UNIT_MISMATCH'],
    ['100 / 4', 'FORMULA_NO_METRIC'],
    ['1e999 * sent', 'FORMULA_BAD_NUMBER'],
    ['sent € 3', 'FORMULA_UNEXPECTED_CHARACTER'],
  ])('%j → %s', (text, code) => {
    expect(codes(text)).toEqual([code]);
  });

  it('says how to fix each problem', () => {
    expect(validateFormula('maxx(opened, sent)').problems[0]!.message).toContain(
      'did you mean "max"',
    );
    expect(validateFormula('revenue + orders').problems[0]!.message).toContain('currency');
  });

  it('lets constants take the unit of what they are added to', () => {
    expect(validateFormula('revenue + 100').ok).toBe(true);
    expect(validateFormula('(revenue - spend) / spend * 100', { unit: 'percent' }).ok).toBe(true);
  });

  it('checks the result against the declared unit', () => {
    expect(codes('revenue / orders')).toEqual([]);
    expect(validateFormula('revenue / orders', { unit: 'percent' }).problems[0]!.code).toBe(
      'KPI_UNIT_MISMATCH',
    );
    expect(validateFormula('spend / (grossMargin / periodDays)', { unit: 'days' }).ok).toBe(true);
  });

  it('limits length and depth', () => {
    expect(codes('sent + '.repeat(400) + 'sent')).toEqual(['FORMULA_TOO_LONG']);
    const deep =
      '('.repeat(FORMULA_LIMITS.maxDepth + 1) + 'sent' + ')'.repeat(FORMULA_LIMITS.maxDepth + 1);
    expect(codes(deep)).toEqual(['FORMULA_TOO_DEEP']);
    expect(codes('-'.repeat(500) + 'sent')).toEqual(['FORMULA_TOO_DEEP']);
  });

  it('never throws, and every problem lies inside the text', () => {
    const alphabet = fc.constantFrom(
      ...'sent opened revenue ( ) , + - * / 1 2.5 e min max # . _'.split(' '),
      ' ',
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(alphabet, { maxLength: 40 }).map((a) => a.join('')),
        ),
        (text) => {
          const result = validateFormula(text);
          for (const p of result.problems) {
            expect(p.start).toBeGreaterThanOrEqual(0);
            expect(p.end).toBeLessThanOrEqual(text.length);
            expect(p.start).toBeLessThanOrEqual(p.end);
            expect(p.message.length).toBeGreaterThan(10);
          }
        },
      ),
    );
  });
});

const formulaArbitrary: fc.Arbitrary<FormulaNode> = fc.letrec<{ node: FormulaNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.double({ min: 0, max: 1e6, noNaN: true }).map((value) => f.num(value)),
    fc.constantFrom(...BASE_METRIC_IDS).map((name) => f.metric(name)),
    tie('node').map((operand): FormulaNode => ({ kind: 'negate', operand })),
    fc
      .tuple(fc.constantFrom('+', '-', '*', '/' as const), tie('node'), tie('node'))
      .map(([op, left, right]): FormulaNode => ({ kind: 'binary', op, left, right })),
    fc
      .tuple(
        fc.constantFrom('min', 'max' as const),
        fc.array(tie('node'), { minLength: 2, maxLength: 3 }),
      )
      .map(([fn, args]): FormulaNode => ({ kind: 'call', fn, args })),
  ),
})).node;

describe('printFormula', () => {
  it('round-trips: parse(print(tree)) is the tree', () => {
    fc.assert(
      fc.property(formulaArbitrary, (tree) => {
        const parsed = parseFormula(printFormula(tree));
        expect(parsed.problems).toEqual([]);
        expect(withoutSpans(parsed.formula!)).toEqual(tree);
      }),
    );
  });
});

describe('evaluateFormula', () => {
  it('computes with the usual arithmetic', () => {
    const tree = parseFormula('(revenue - spend) / spend * 100').formula!;
    expect(evaluateFormula(tree, { revenue: 1500, spend: 1000 })).toBe(50);
    expect(
      evaluateFormula(parseFormula('min(opened, clicked) - -2').formula!, {
        opened: 4,
        clicked: 3,
      }),
    ).toBe(5);
  });

  it('gives a missing value, never Infinity or NaN, for 0/0, x/0 and missing metrics', () => {
    const rate = f.div(f.metric('opened'), f.metric('delivered'));
    expect(evaluateFormula(rate, { opened: 0, delivered: 0 })).toBeUndefined();
    expect(evaluateFormula(rate, { opened: 5, delivered: 0 })).toBeUndefined();
    expect(evaluateFormula(rate, { opened: 5 })).toBeUndefined();
    expect(evaluateFormula(f.add(rate, f.num(1)), { opened: 5, delivered: 0 })).toBeUndefined();
    expect(
      evaluateFormula(f.mul(f.metric('spend'), f.num(1e300)), { spend: 1e300 }),
    ).toBeUndefined();
  });

  it('is finite or missing for any tree and any metric values', () => {
    const values = fc.dictionary(
      fc.constantFrom(...BASE_METRIC_IDS),
      fc.oneof(fc.double(), fc.integer({ min: 0, max: 10 })),
    );
    fc.assert(
      fc.property(formulaArbitrary, values, (tree, metrics) => {
        const value = evaluateFormula(tree, metrics);
        expect(value === undefined || Number.isFinite(value)).toBe(true);
      }),
    );
  });
});
