import type { KpiProblem } from '../problems';
import type { FormulaSpan } from './ast';

export type Token =
  | ({ readonly type: 'number'; readonly value: number; readonly text: string } & FormulaSpan)
  | ({ readonly type: 'name'; readonly text: string } & FormulaSpan)
  | ({
      readonly type: '+' | '-' | '*' | '/' | '(' | ')' | ',';
      readonly text: string;
    } & FormulaSpan)
  | ({ readonly type: 'end'; readonly text: '' } & FormulaSpan);

const NUMBER = /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
/** A metric or function name; dots separate parts (`bounced.hard`). */
const NAME = /[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/y;
const PUNCTUATION = new Set(['+', '-', '*', '/', '(', ')', ',']);

/** Splits a formula into tokens; characters that fit no token are reported and skipped. */
export function tokenize(text: string, problems: KpiProblem[]): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (PUNCTUATION.has(ch)) {
      tokens.push({ type: ch as '+', text: ch, start: i, end: i + 1 });
      i++;
      continue;
    }
    NUMBER.lastIndex = i;
    const number = NUMBER.exec(text);
    if (number) {
      const end = i + number[0].length;
      const value = Number(number[0]);
      if (!Number.isFinite(value))
        problems.push({
          code: 'FORMULA_BAD_NUMBER',
          field: 'formula',
          start: i,
          end,
          message: `The number ${number[0]} is too large; use a smaller constant.`,
        });
      tokens.push({
        type: 'number',
        value: Number.isFinite(value) ? value : 0,
        text: number[0],
        start: i,
        end,
      });
      i = end;
      continue;
    }
    NAME.lastIndex = i;
    const name = NAME.exec(text);
    if (name) {
      tokens.push({ type: 'name', text: name[0], start: i, end: i + name[0].length });
      i += name[0].length;
      continue;
    }
    const codePoint = String.fromCodePoint(text.codePointAt(i)!);
    problems.push({
      code: 'FORMULA_UNEXPECTED_CHARACTER',
      field: 'formula',
      start: i,
      end: i + codePoint.length,
      message: `"${codePoint}" is not part of the formula language; use metric names, numbers, + - * /, parentheses, min() and max().`,
    });
    i += codePoint.length;
  }
  tokens.push({ type: 'end', text: '', start: text.length, end: text.length });
  return tokens;
}
