import {
  interpret,
  type CustomerFacts,
  type EvaluationOptions,
  type RuleDocument,
} from '@cairn/schema';
import { NOW } from './config';
import { elapsed, timeRuns } from './measure';

type Evaluate = (facts: CustomerFacts, options: EvaluationOptions) => boolean;
type CompileRule = (rule: RuleDocument) => { evaluate: Evaluate };

/**
 * The compiled evaluator (`compileRule`, being written alongside this benchmark), if it exists
 * yet: from `@cairn/schema` once exported there, else from its module. Undefined without it.
 */
export async function loadCompiler(): Promise<CompileRule | undefined> {
  const schema = (await import('@cairn/schema')) as Record<string, unknown>;
  if (typeof schema['compileRule'] === 'function') return schema['compileRule'] as CompileRule;
  const modulePath = '../../../schema/src/rules/compile/compile-rule';
  try {
    const module = (await import(modulePath)) as Record<string, unknown>;
    return typeof module['compileRule'] === 'function'
      ? (module['compileRule'] as CompileRule)
      : undefined;
  } catch {
    return undefined;
  }
}

export interface FilterTiming {
  readonly evaluator: 'interpreter' | 'compiled';
  /** Time for every loaded customer (estimated from the sample when `how` says so). */
  readonly ms: number;
  /** Matches among every loaded customer (undefined when only a sample was evaluated). */
  readonly count: number | undefined;
  /** How `ms` was taken, e.g. "median of 3". */
  readonly how: string;
}

const OPTIONS: EvaluationOptions = { now: NOW };
/**
 * The reference interpreter is slow (tens of µs per customer): with the compiled evaluator present
 * and more customers than this, it runs on every 10th customer only, to check the compiled
 * evaluator's verdicts there and to estimate its time for all of them.
 */
const SAMPLE_ABOVE = 200_000;
const SAMPLE_EVERY = 10;

function countMatches(customers: readonly CustomerFacts[], evaluate: Evaluate): number {
  let n = 0;
  for (const c of customers) if (evaluate(c, OPTIONS)) n++;
  return n;
}

const describeError = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Filters the loaded customers in JavaScript with the interpreter and, if present, the compiled
 * evaluator (timed as 1 warm-up + median of 3; the interpreter too when it runs on every customer,
 * else on one pass over a sample). The compiled evaluator is work in progress: when it throws or
 * disagrees with the interpreter it is reported and left out, and the interpreter runs on every
 * customer.
 */
export async function filterInJs(
  rule: RuleDocument,
  customers: readonly CustomerFacts[],
  compile: CompileRule | undefined,
): Promise<FilterTiming[]> {
  const interpreter: Evaluate = (f, o) => interpret(rule, f, o);
  let compiled: FilterTiming | undefined;
  let evaluate: Evaluate | undefined;
  try {
    if (compile) {
      const c = compile(rule);
      evaluate = (f, o) => c.evaluate(f, o);
      const t = await timeRuns(3, () => countMatches(customers, evaluate!));
      compiled = { evaluator: 'compiled', ms: t.median, count: t.value, how: 'median of 3' };
    }
  } catch (error) {
    console.log(
      `  WARNING compiled evaluator failed (${describeError(error)}): left out of the baseline.`,
    );
  }
  if (compiled && evaluate && customers.length > SAMPLE_ABOVE) {
    const sample = customers.filter((_, i) => i % SAMPLE_EVERY === 0);
    const took = elapsed();
    const wrong = sample.filter((c) => interpreter(c, OPTIONS) !== evaluate(c, OPTIONS)).length;
    const ms = (took() * customers.length) / sample.length;
    if (wrong === 0)
      return [
        {
          evaluator: 'interpreter',
          ms,
          count: undefined,
          how: `est. from every ${SAMPLE_EVERY}th customer`,
        },
        compiled,
      ];
    console.log(
      `  WARNING compiled evaluator disagrees with the interpreter on ${wrong} of ${sample.length} sampled customers: left out of the baseline.`,
    );
    compiled = undefined;
  }
  let interpreted: FilterTiming;
  if (customers.length > SAMPLE_ABOVE) {
    const took = elapsed();
    const count = countMatches(customers, interpreter);
    interpreted = { evaluator: 'interpreter', ms: took(), count, how: '1 pass' };
  } else {
    const t = await timeRuns(3, () => countMatches(customers, interpreter));
    interpreted = { evaluator: 'interpreter', ms: t.median, count: t.value, how: 'median of 3' };
  }
  if (compiled && compiled.count !== interpreted.count) {
    console.log(
      `  WARNING compiled evaluator counted ${compiled.count}, the interpreter ${interpreted.count}: left out of the baseline.`,
    );
    compiled = undefined;
  }
  return compiled ? [interpreted, compiled] : [interpreted];
}
