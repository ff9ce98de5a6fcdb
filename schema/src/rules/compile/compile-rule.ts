import type { CustomerFacts, EvaluationOptions } from '../facts';
import type { RuleDocument, RuleNode } from '../rule.types';
import { Codegen, SHAPE_OF } from './codegen';
import { nodeExpr } from './codegen-node';
import { RUNTIME, RUNTIME_NAMES } from './runtime';

/** A rule turned into a JavaScript function once, to evaluate for many customers. */
export interface CompiledRule {
  /** The verdict for one customer; always the same as `interpret(rule, facts, options)`. */
  evaluate(facts: CustomerFacts, options: EvaluationOptions): boolean;
  /** The generated code (for inspection): identifiers and operators only, no value from the rule. */
  readonly source: string;
}

/** Rules compiled so far: each one's code is built from a text of its own (see below). */
let compiledRules = 0;

/**
 * Compiles a rule that `validateRule` accepted into a function with the interpreter's semantics,
 * for evaluating one rule over many customers (segment recomputation, journey entry). The code is
 * generated once per rule: literals are pre-parsed (dates to instants, durations to ms, lists of
 * more than 8 values to Sets, regexes compiled, paths split) and bound as constants, never
 * written into the source; each evaluation allocates nothing of its own, short-circuits groups
 * and makes one pass over the events per event condition.
 *
 * @example
 * const rule = compileRule(validated.rule);
 * const members = customers.filter((c) => rule.evaluate(c, { now, timeZone: 'Europe/Paris' }));
 */
export function compileRule(rule: RuleDocument | RuleNode): CompiledRule {
  const g = new Codegen();
  const root = 'root' in rule ? rule.root : rule;
  const verdict = nodeExpr(g, root);
  const source = [
    "'use strict';",
    `const { ${RUNTIME_NAMES.join(', ')} } = h;`,
    ...g.constants.map((_, i) => `const k${i} = k[${i}];`),
    SHAPE_OF,
    ...g.declarations,
    'return function evaluate(f, o) {',
    '  const now = o.now;',
    ...(g.readsTraits ? ['  const t = f.traits;', '  const ts = shapeOf(t);'] : []),
    `  return ${verdict};`,
    '};',
  ].join('\n');
  // The source holds no value from the rule (see Codegen): only identifiers, operators, fixed words.
  // Built with a numbered comment: V8 caches `new Function` by its text, and closures of one text
  // share their type feedback, so two rules of the same structure (different literals, same code)
  // would make each other's property reads polymorphic where each sees one shape of facts.
  const build = new Function('k', 'h', `// rule ${++compiledRules}\n${source}`) as (
    constants: readonly unknown[],
    runtime: typeof RUNTIME,
  ) => CompiledRule['evaluate'];
  return { evaluate: build(g.constants, RUNTIME), source };
}
