import { FORMULA_LIMITS, type KpiProblem, type KpiProblemCode } from '../problems';
import { FORMULA_FUNCTIONS, type FormulaFunction, type FormulaNode, type FormulaSpan } from './ast';
import { tokenize, type Token } from './lexer';
import { didYouMean } from './suggest';

/** What the parser found: the tree (partial when there are problems) and every syntax problem. */
export interface ParsedFormula {
  readonly formula: FormulaNode | undefined;
  readonly problems: KpiProblem[];
  /** Stand-ins the parser put where an operand was missing or unreadable (already reported). */
  readonly placeholders: ReadonlySet<FormulaNode>;
  /** Parts cut off by a missing operator (`opend clicked`): not in the tree, still checked. */
  readonly fragments: readonly FormulaNode[];
}

const FUNCTION_NAMES = Object.keys(FORMULA_FUNCTIONS) as FormulaFunction[];

/**
 * Recursive descent over `sum := product (('+' | '-') product)*`,
 * `product := unary (('*' | '/') unary)*`, `unary := '-' unary | primary`,
 * `primary := number | name | name '(' sum (',' sum)* ')' | '(' sum ')'`.
 * After a problem it puts a placeholder in the tree and goes on, so one pass reports them all.
 */
class Parser {
  private pos = 0;
  private depth = 0;
  private abandoned = false;
  readonly placeholders = new Set<FormulaNode>();
  readonly fragments: FormulaNode[] = [];

  constructor(
    private readonly tokens: readonly Token[],
    readonly problems: KpiProblem[],
  ) {}

  private peek(): Token {
    return this.tokens[this.pos]!;
  }

  private next(): Token {
    const token = this.peek();
    if (token.type !== 'end') this.pos++;
    return token;
  }

  private report(code: KpiProblemCode, span: FormulaSpan, message: string): void {
    this.problems.push({ code, field: 'formula', start: span.start, end: span.end, message });
  }

  /** A stand-in where an operand is missing; its problem is already reported. */
  private placeholder(span: FormulaSpan): FormulaNode {
    const node: FormulaNode = {
      kind: 'number',
      value: 0,
      span: { start: span.start, end: span.end },
    };
    this.placeholders.add(node);
    return node;
  }

  formula(): FormulaNode {
    let node = this.sum();
    while (!this.abandoned && this.peek().type !== 'end') {
      const token = this.next();
      if (startsOperand(token)) {
        // A bad character between two operands was already reported; one problem is enough.
        if (!this.reportedBetween(this.tokens[this.pos - 2] ?? token, token))
          this.report(
            'FORMULA_EXPECTED_OPERATOR',
            token,
            `Expected an operator (+ - * /) before "${token.text}"; join the two parts with one.`,
          );
      } else if (token.type === ')') {
        this.report(
          'FORMULA_UNMATCHED_PARENTHESIS',
          token,
          'This ")" closes nothing; remove it or add the matching "(".',
        );
        continue;
      } else {
        this.report(
          'FORMULA_EXPECTED_OPERATOR',
          token,
          `"${token.text}" only separates the arguments of min() and max(); remove it.`,
        );
        if (!startsOperand(this.peek())) continue;
      }
      if (startsOperand(token)) this.pos--;
      this.fragments.push(node);
      node = this.sum();
    }
    return node;
  }

  private reportedBetween(before: Token, after: Token): boolean {
    return this.problems.some((p) => p.start >= before.end && p.end <= after.start);
  }

  private sum(): FormulaNode {
    let left = this.product();
    for (let op = this.peek().type; op === '+' || op === '-'; op = this.peek().type) {
      this.next();
      const right = this.product();
      left = { kind: 'binary', op, left, right, span: join(left, right) };
    }
    return left;
  }

  private product(): FormulaNode {
    let left = this.unary();
    for (let op = this.peek().type; op === '*' || op === '/'; op = this.peek().type) {
      this.next();
      const right = this.unary();
      left = { kind: 'binary', op, left, right, span: join(left, right) };
    }
    return left;
  }

  private unary(): FormulaNode {
    const token = this.peek();
    if (token.type !== '-') return this.primary();
    this.next();
    return this.nested(token, () => {
      const operand = this.unary();
      return { kind: 'negate', operand, span: { start: token.start, end: end(operand, token) } };
    });
  }

  /** Runs `parse` one level deeper, or gives up on the rest of the text past the depth limit. */
  private nested(at: FormulaSpan, parse: () => FormulaNode): FormulaNode {
    if (this.abandoned) return this.placeholder(at);
    if (this.depth >= FORMULA_LIMITS.maxDepth) {
      this.abandoned = true;
      this.report(
        'FORMULA_TOO_DEEP',
        at,
        `The formula nests deeper than ${FORMULA_LIMITS.maxDepth} levels; remove redundant parentheses or minus signs.`,
      );
      this.pos = this.tokens.length - 1;
      return this.placeholder(at);
    }
    this.depth++;
    try {
      return parse();
    } finally {
      this.depth--;
    }
  }

  private primary(): FormulaNode {
    const token = this.peek();
    switch (token.type) {
      case 'number':
        this.next();
        return { kind: 'number', value: token.value, span: { start: token.start, end: token.end } };
      case 'name':
        this.next();
        if (this.peek().type === '(') return this.call(token);
        return { kind: 'metric', name: token.text, span: { start: token.start, end: token.end } };
      case '(':
        this.next();
        return this.nested(token, () => {
          const inner = this.sum();
          const close = this.closing(token, 'this "("');
          return { ...inner, span: { start: token.start, end: close } };
        });
      default:
        return this.missingOperand(token);
    }
  }

  private missingOperand(token: Token): FormulaNode {
    if (token.type === 'end') {
      const previous = this.tokens[this.pos - 1];
      this.report(
        'FORMULA_EXPECTED_OPERAND',
        token,
        previous
          ? `The formula ends after "${previous.text}"; add a metric or a number after it.`
          : 'The formula is empty; write one, e.g. "clicked / delivered * 100".',
      );
    } else {
      this.report(
        'FORMULA_EXPECTED_OPERAND',
        token,
        `Expected a metric, a number or "(" where "${token.text}" is; add one or remove "${token.text}".`,
      );
      if (token.type !== ')') this.next();
      // "* opened": the operand after a stray operator is still read (and checked).
      if (token.type !== ')' && startsOperand(this.peek())) return this.unary();
    }
    return this.placeholder(token);
  }

  /** Consumes the ")" matching `open` and returns where it ends, or reports it missing. */
  private closing(open: FormulaSpan, what: string): number {
    const token = this.peek();
    if (token.type === ')') {
      this.next();
      return token.end;
    }
    if (!this.abandoned)
      this.report(
        'FORMULA_UNCLOSED_PARENTHESIS',
        open,
        `${what[0]!.toUpperCase()}${what.slice(1)} is never closed; add ")" where it ends.`,
      );
    return token.start;
  }

  private call(name: Token): FormulaNode {
    const open = this.next();
    return this.nested(open, () => {
      const args = [this.sum()];
      while (this.peek().type === ',') {
        this.next();
        args.push(this.sum());
      }
      const close = this.closing(open, `the "(" of ${name.text}(`);
      const span = { start: name.start, end: close };
      if (!isFunction(name.text)) {
        const suggestion = didYouMean(name.text, FUNCTION_NAMES);
        this.report(
          'FORMULA_UNKNOWN_FUNCTION',
          name,
          `There is no function "${name.text}"${suggestion ? `; did you mean "${suggestion}"?` : '.'} The functions are ${FUNCTION_NAMES.join(', ')}.`,
        );
        return this.placeholder(span);
      }
      return { kind: 'call', fn: name.text, args, span };
    });
  }
}

function startsOperand(token: Token): boolean {
  return (
    token.type === 'number' || token.type === 'name' || token.type === '(' || token.type === '-'
  );
}

function isFunction(name: string): name is FormulaFunction {
  return Object.prototype.hasOwnProperty.call(FORMULA_FUNCTIONS, name);
}

function join(left: FormulaNode, right: FormulaNode): FormulaSpan {
  return { start: left.span?.start ?? 0, end: right.span?.end ?? left.span?.end ?? 0 };
}

function end(node: FormulaNode, fallback: FormulaSpan): number {
  return node.span?.end ?? fallback.end;
}

/**
 * Parses a formula's text. Never throws: every syntax problem is reported with its character
 * range, and a partial tree comes back for further checks. Names are not checked here
 * (see `validateFormula`).
 *
 * @example
 * parseFormula('clicked / delivered * 100').problems // []
 */
export function parseFormula(text: string): ParsedFormula {
  const problems: KpiProblem[] = [];
  if (text.length > FORMULA_LIMITS.maxLength) {
    problems.push({
      code: 'FORMULA_TOO_LONG',
      field: 'formula',
      start: FORMULA_LIMITS.maxLength,
      end: text.length,
      message: `The formula has ${text.length} characters; at most ${FORMULA_LIMITS.maxLength} are allowed. Shorten it.`,
    });
    return { formula: undefined, problems, placeholders: new Set(), fragments: [] };
  }
  if (text.trim() === '') {
    problems.push({
      code: 'FORMULA_EMPTY',
      field: 'formula',
      start: 0,
      end: text.length,
      message: 'The formula is empty; write one, e.g. "clicked / delivered * 100".',
    });
    return { formula: undefined, problems, placeholders: new Set(), fragments: [] };
  }
  const tokens = tokenize(text, problems);
  const parser = new Parser(tokens, problems);
  return {
    formula: parser.formula(),
    problems,
    placeholders: parser.placeholders,
    fragments: parser.fragments,
  };
}
