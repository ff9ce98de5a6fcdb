import { assertUnreachable } from '../../assert-unreachable';
import type {
  RandomBucketCondition,
  RuleNode,
  ScoreCondition,
  SegmentCondition,
  TraitCondition,
} from '../rule.types';
import { durationMs } from '../time';
import type { Codegen } from './codegen';
import { eventConditionExpr } from './codegen-event';
import {
  comparisonExpr,
  predicateStatements,
  resultWhenMissing,
  typedStatements,
  NEVER,
  type TypedPredicate,
} from './codegen-predicate';

/**
 * A rule node as a JavaScript expression over the customer `f`, `now`, the options `o`
 * (whose time zone only anniversaries read), and the customer's traits `t` with their shape `ts`
 * (read once per evaluation). Groups become
 * short-circuiting `&&` / `||` chains with their cheapest children first (evaluation is pure, so
 * the order changes the speed, never the verdict); conditions become calls of generated functions.
 */
export function nodeExpr(g: Codegen, n: RuleNode): string {
  switch (n.kind) {
    case 'all':
    case 'any': {
      if (n.children.length === 0) return n.kind === 'all' ? 'true' : 'false';
      const children = [...n.children].sort((a, b) => cost(a) - cost(b)).map((c) => nodeExpr(g, c));
      return `(${children.join(n.kind === 'all' ? ' && ' : ' || ')})`;
    }
    case 'not':
      return `!${nodeExpr(g, n.child)}`;
    case 'trait':
      g.readsTraits = true;
      return `${g.declare('c', 'f, now, o, t, ts', traitStatements(g, n))}(f, now, o, t, ts)`;
    case 'event':
      return eventConditionExpr(g, n);
    case 'score':
      return `${g.declare('s', 'f, now', scoreStatements(g, n))}(f, now)`;
    case 'segment':
      return `${g.declare('s', 'f', segmentStatements(g, n))}(f)`;
    case 'consent':
      return `(f.consent?.[${g.constant(n.channel)}] === true)`;
    case 'randomBucket':
      return `${g.declare('r', 'f', bucketStatements(g, n))}(f)`;
    default:
      return assertUnreachable(n);
  }
}

/** A rough relative cost of evaluating a node, to test cheap children of a group first. */
function cost(n: RuleNode): number {
  switch (n.kind) {
    case 'all':
    case 'any':
      return n.children.reduce((sum, c) => sum + cost(c), 0);
    case 'not':
      return cost(n.child);
    case 'trait':
      return n.type === 'date' ? 3 : n.type === 'stringList' ? 2 : 1;
    case 'consent':
    case 'segment':
      return 1;
    case 'score':
      return 2;
    case 'event':
      return 10;
    case 'randomBucket':
      return 20;
    default:
      return assertUnreachable(n);
  }
}

const PRESENCE_OPS: ReadonlySet<string> = new Set(['exists', 'notExists', 'isEmpty']);

/** `testPredicate(n, profileValue(facts, n.path), n.type)`: read the value into `v`, then test it. */
function traitStatements(g: Codegen, n: TraitCondition): string[] {
  if (n.path.startsWith('traits.')) {
    const keys = n.path.slice('traits.'.length).split('.');
    return [`const v = ${g.getter(keys)}(t, ts);`, ...predicateStatements(g, n, n.type)];
  }
  if (n.path === 'email') {
    // A null email reads as missing; every predicate treats null and undefined alike.
    return ['const v = f.email;', ...predicateStatements(g, n, n.type)];
  }
  if (n.path === 'createdAt') {
    if (n.type === 'date' && !PRESENCE_OPS.has(n.op) && n.op !== 'anniversaryWithin') {
      return createdAtInstantStatements(g, n as TraitCondition & TypedPredicate);
    }
    return [
      'const c = f.createdAt;',
      'const v = c === undefined ? undefined : createdAtText(c);',
      ...predicateStatements(g, n, n.type),
    ];
  }
  return [`return ${resultWhenMissing(n)};`];
}

/**
 * A date predicate on `createdAt` without the ISO round trip the interpreter makes
 * (`new Date(ms).toISOString()` parsed back): for years 1 to 9999 that round trip gives the
 * instant back truncated to whole milliseconds; other values take the interpreter's path.
 */
function createdAtInstantStatements(g: Codegen, n: TraitCondition & TypedPredicate): string[] {
  const typed = typedStatements(g, n, 'date');
  return [
    'const c = f.createdAt;',
    'if (c === undefined) return false;',
    'let d;',
    "if (typeof c === 'number' && c >= createdAtMin && c <= createdAtMax) d = trunc(c);",
    'else {',
    '  const text = createdAtText(c);',
    '  if (text === undefined) return false;',
    '  d = parseIso(text);',
    '  if (d === undefined) return false;',
    '}',
    ...(typed === NEVER ? ['return false;'] : typed),
  ];
}

/** The score at `now` (last history entry at or before it), then the measure; no history is no score. */
function scoreStatements(g: Codegen, n: ScoreCondition): string[] {
  const scoreAt = (variable: string, at: string) => [
    `let ${variable} = null;`,
    'for (let i = 0; i < h.length; i++) {',
    '  const e = h[i];',
    `  if (e.at <= ${at}) ${variable} = e.value;`,
    '  else break;',
    '}',
  ];
  const head = [
    `const h = f.scores?.[${g.constant(n.model)}]?.history;`,
    'if (h === undefined || h === null) return false;',
    ...scoreAt('s', 'now'),
  ];
  const m = n.measure;
  switch (m.type) {
    case 'hasScore':
      return [...head, 'return s !== null;'];
    case 'current':
      return [...head, `return s !== null && ${comparisonExpr(g, m.compare, 's')};`];
    case 'change':
      // Before its first entry a model's score counts as 0, so a new lead's first points are a rise.
      return [
        ...head,
        'if (s === null) return false;',
        `const start = now - ${g.constant(durationMs(m.duration))};`,
        ...scoreAt('b', 'start'),
        'const change = s - (b ?? 0);',
        `return ${comparisonExpr(g, m.compare, 'change')};`,
      ];
    default:
      return assertUnreachable(m);
  }
}

function segmentStatements(g: Codegen, n: SegmentCondition): string[] {
  return [
    'const s = f.segments;',
    `return s !== undefined && s !== null && s.includes(${g.constant(n.segmentId)});`,
  ];
}

function bucketStatements(g: Codegen, n: RandomBucketCondition): string[] {
  return [
    `const b = bucket(f.id, ${g.constant(n.salt)});`,
    `return ${g.constant(n.from)} <= b && b < ${g.constant(n.to)};`,
  ];
}
