import { assertUnreachable } from '../../../assert-unreachable';
import { BUCKET_COUNT, type NumberComparison, type RuleNode } from '../../../rules/rule.types';
import type { JourneyNode } from '../../journey.types';
import type { CompileContext } from '../context';

/**
 * Warns about decisions whose answer never depends on the customer: a condition that is always
 * true (its "no" path is dead) or always false, and a split branch that always or never holds.
 */
export function constantConditionsRule(ctx: CompileContext): void {
  const warn = (
    node: JourneyNode,
    value: boolean,
    what: string,
    dead: string,
    field: (string | number)[],
  ) =>
    ctx.atNode(
      node,
      value ? 'JOURNEY_CONDITION_ALWAYS_TRUE' : 'JOURNEY_CONDITION_ALWAYS_FALSE',
      `${what} of ${ctx.name(node)} is always ${value}, whoever the customer is, so ${dead} is never taken; check the rule.`,
      field,
      'warning',
    );
  for (const node of ctx.graph.nodes) {
    if (node.kind === 'condition') {
      const value = constantValue(node.rule.root);
      if (value !== undefined)
        warn(node, value, 'The condition', `the "${value ? 'no' : 'yes'}" path`, ['rule']);
    } else if (node.kind === 'split') {
      node.branches.forEach((b, i) => {
        const value = constantValue(b.rule.root);
        if (value === undefined) return;
        const dead = value ? 'every later branch (and "else")' : `the branch "${b.name}"`;
        warn(node, value, `The branch "${b.name}"`, dead, ['branches', i, 'rule']);
      });
    }
  }
}

/** The value of a rule that is the same for every customer at every time, when it is so by its shape. */
export function constantValue(n: RuleNode): boolean | undefined {
  switch (n.kind) {
    case 'all': {
      const values = n.children.map(constantValue);
      if (values.includes(false) || contradicts(n.children)) return false;
      return values.every((v) => v === true) ? true : undefined;
    }
    case 'any': {
      const values = n.children.map(constantValue);
      if (values.includes(true)) return true;
      return values.every((v) => v === false) ? false : undefined;
    }
    case 'not': {
      const v = constantValue(n.child);
      return v === undefined ? undefined : !v;
    }
    case 'randomBucket':
      if (n.from >= n.to) return false;
      return n.from <= 0 && n.to >= BUCKET_COUNT ? true : undefined;
    case 'event':
      return n.measure.type === 'count' ? constantCount(n.measure.compare) : undefined;
    case 'trait':
      if (n.op === 'between' && n.min > n.max) return false;
      if (n.op === 'in' && n.values.length === 0) return false;
      if (n.op === 'notIn' && n.values.length === 0) return undefined; // true only when present
      return undefined;
    case 'score':
    case 'segment':
    case 'consent':
      return undefined;
    default:
      return assertUnreachable(n);
  }
}

/** A count is never negative: `>= 0` always holds, `< 0` never does. */
function constantCount(c: NumberComparison): boolean | undefined {
  switch (c.op) {
    case 'gte':
      return c.value <= 0 ? true : undefined;
    case 'gt':
      return c.value < 0 ? true : undefined;
    case 'lt':
      return c.value <= 0 ? false : undefined;
    case 'lte':
      return c.value < 0 ? false : undefined;
    case 'eq':
      return c.value < 0 || !Number.isInteger(c.value) ? false : undefined;
    case 'neq':
      return c.value < 0 || !Number.isInteger(c.value) ? true : undefined;
    case 'between':
      if (c.min > c.max || c.max < 0) return false;
      return undefined;
    default:
      return assertUnreachable(c);
  }
}

/** Two `eq` conditions on one trait with different values cannot both hold. */
function contradicts(children: readonly RuleNode[]): boolean {
  const equals = new Map<string, unknown>();
  for (const c of children) {
    if (c.kind !== 'trait' || c.op !== 'eq') continue;
    const key = `${c.path} ${c.type}`;
    if (equals.has(key) && equals.get(key) !== c.value) return true;
    equals.set(key, c.value);
  }
  return false;
}
