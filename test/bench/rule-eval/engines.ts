/**
 * The benchmark rule in each engine:
 * ((country in [US, CA] and ltv > 500) or (leadScore >= 60 and not lastSeenDaysAgo > 60))
 * and email_click count >= 2 (window: ever, i.e. events up to now).
 */
import {
  aggregateKey,
  eventAggregates,
  interpret,
  type CustomerFacts,
  type EventAggregates,
  type EventCondition,
  type EventFact,
  type RuleDocument,
  type RuleNode,
} from '@cairn/schema';
import { LogicEngine } from 'json-logic-engine';
import jsonLogic, { type RulesLogic } from 'json-logic-js';
import { Engine as RulesEngine, type TopLevelCondition } from 'json-rules-engine';
import { compileRule } from '../../../schema/src/rules/compile/compile-rule';
import { toJsonLogic } from '../../../schema/src/rules/jsonlogic';
import { asyncTimer, syncTimer, type Timer } from '../measure';

export const NOW = Date.UTC(2026, 4, 1);
const OPTIONS = { now: NOW } as const;

const TRAITS: RuleNode = {
  kind: 'any',
  children: [
    {
      kind: 'all',
      children: [
        { kind: 'trait', path: 'traits.country', type: 'string', op: 'in', values: ['US', 'CA'] },
        { kind: 'trait', path: 'traits.ltv', type: 'number', op: 'gt', value: 500 },
      ],
    },
    {
      kind: 'all',
      children: [
        { kind: 'trait', path: 'traits.leadScore', type: 'number', op: 'gte', value: 60 },
        {
          kind: 'not',
          child: {
            kind: 'trait',
            path: 'traits.lastSeenDaysAgo',
            type: 'number',
            op: 'gt',
            value: 60,
          },
        },
      ],
    },
  ],
};

const CLICKS_CONDITION: EventCondition = {
  kind: 'event',
  event: 'email_click',
  measure: { type: 'count', window: { type: 'ever' }, compare: { op: 'gte', value: 2 } },
};

export const RULE: RuleDocument = {
  version: 1,
  root: { kind: 'all', children: [TRAITS, CLICKS_CONDITION] },
};

/** Where the email_click count is in a profile's event aggregates (`eventAggregates`). */
const CLICKS_KEY = aggregateKey(CLICKS_CONDITION);

/** The baseline: the rule as a developer would write it by hand (typeof guards keep Cairn's semantics on wrongly-typed values). */
export function handWritten(f: CustomerFacts): boolean {
  if (!handWrittenTraits(f.traits)) return false;
  let clicks = 0;
  const events = f.events;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (e.name === 'email_click' && e.occurredAt <= NOW) clicks++;
  }
  return clicks >= 2;
}

function handWrittenTraits(t: Readonly<Record<string, unknown>>): boolean {
  const country = t['country'];
  const ltv = t['ltv'];
  const lead = t['leadScore'];
  const last = t['lastSeenDaysAgo'];
  return (
    ((country === 'US' || country === 'CA') && typeof ltv === 'number' && ltv > 500) ||
    (typeof lead === 'number' && lead >= 60 && !(typeof last === 'number' && last > 60))
  );
}

/** The baseline on a profile with its event aggregates: the count is read, not counted. */
export function handWrittenOnAggregates(f: CustomerFacts): boolean {
  return handWrittenTraits(f.traits) && (f.aggregates!.values[CLICKS_KEY] ?? 0) >= 2;
}

/** The email_click count in JsonLogic, on the events array: filter, then reduce to a count (no precomputation). */
const CLICKS = {
  '>=': [
    {
      reduce: [
        {
          filter: [
            { var: 'events' },
            {
              and: [
                { '==': [{ var: 'name' }, 'email_click'] },
                { '<=': [{ var: 'occurredAt' }, NOW] },
              ],
            },
          ],
        },
        { '+': [{ var: 'accumulator' }, 1] },
        0,
      ],
    },
    2,
  ],
};

/** The traits part as a json-logic user writes it (loose comparisons: right for numbers or missing values). */
const IDIOMATIC = {
  and: [
    {
      or: [
        {
          and: [
            { in: [{ var: 'traits.country' }, ['US', 'CA']] },
            { '>': [{ var: 'traits.ltv' }, 500] },
          ],
        },
        {
          and: [
            { '>=': [{ var: 'traits.leadScore' }, 60] },
            { '!': { '>': [{ var: 'traits.lastSeenDaysAgo' }, 60] } },
          ],
        },
      ],
    },
    CLICKS,
  ],
};

function exported(): unknown {
  const traits = toJsonLogic({ version: 1, root: TRAITS });
  if (!traits.ok) throw new Error(`toJsonLogic failed: ${JSON.stringify(traits.problems)}`);
  return { and: [traits.logic, CLICKS] };
}

const JSON_RULES_CONDITIONS: TopLevelCondition = {
  all: [
    {
      any: [
        {
          all: [
            { fact: 'country', operator: 'in', value: ['US', 'CA'] },
            { fact: 'ltv', operator: 'greaterThan', value: 500 },
          ],
        },
        {
          all: [
            { fact: 'leadScore', operator: 'greaterThanInclusive', value: 60 },
            { not: { fact: 'lastSeenDaysAgo', operator: 'greaterThan', value: 60 } },
          ],
        },
      ],
    },
    { fact: 'emailClicks', operator: 'greaterThanInclusive', value: 2 },
  ],
};

export interface BenchEngine {
  readonly name: string;
  /** Timed rounds use this many profiles (slow engines time a subset); all profiles otherwise. */
  readonly timedProfiles?: number;
  /** Every profile's verdict (untimed; per-profile inputs are prepared first). */
  verdicts(profiles: readonly CustomerFacts[]): Promise<boolean[]>;
  /** A timer over these profiles' inputs, prepared once, outside the timed loop. */
  timer(profiles: readonly CustomerFacts[]): Timer;
}

/** A synchronous engine; `prepare` builds each profile's input once, outside the timed loop. */
function syncEngine<T>(
  name: string,
  prepare: (p: CustomerFacts) => T,
  evaluate: (input: T) => boolean,
  timedProfiles?: number,
): BenchEngine {
  return {
    name,
    ...(timedProfiles === undefined ? {} : { timedProfiles }),
    verdicts: async (profiles) => profiles.map((p) => evaluate(prepare(p))),
    timer: (profiles) => syncTimer(evaluate, profiles.map(prepare)),
  };
}

const asIs = (p: CustomerFacts) => p;

export function benchEngines(slowSubset: number): BenchEngine[] {
  const compiled = compileRule(RULE);
  const idiomatic = IDIOMATIC as RulesLogic;
  const exportedLogic = exported() as RulesLogic;
  const logicEngine = new LogicEngine();
  const builtIdiomatic = logicEngine.build(IDIOMATIC) as (data: unknown) => unknown;
  const builtExported = logicEngine.build(exportedLogic) as (data: unknown) => unknown;

  const rules = new RulesEngine([], { allowUndefinedFacts: true });
  rules.addRule({ conditions: JSON_RULES_CONDITIONS, event: { type: 'match' } });
  rules.addFact('emailClicks', async (_params, almanac) => {
    const events = await almanac.factValue<EventFact[]>('events');
    let clicks = 0;
    for (const e of events) if (e.name === 'email_click' && e.occurredAt <= NOW) clicks++;
    return clicks;
  });
  const rulesVerdict = async (facts: Record<string, unknown>) =>
    (await rules.run(facts)).events.length > 0;
  const rulesFacts = (p: CustomerFacts): Record<string, unknown> => ({
    ...p.traits,
    events: p.events,
  });

  return [
    syncEngine('hand-written JS (baseline)', asIs, handWritten),
    syncEngine('Cairn compiled (compileRule)', asIs, (f) => compiled.evaluate(f, OPTIONS)),
    syncEngine(
      'Cairn interpreter (interpret)',
      asIs,
      (f) => interpret(RULE, f, OPTIONS),
      slowSubset,
    ),
    syncEngine('json-logic-js apply', asIs, (f) => jsonLogic.apply(idiomatic, f) === true),
    syncEngine('json-logic-engine build()', asIs, (f) => builtIdiomatic(f) === true),
    syncEngine(
      'json-logic-js, toJsonLogic export',
      asIs,
      (f) => jsonLogic.apply(exportedLogic, f) === true,
    ),
    syncEngine('json-logic-engine, toJsonLogic export', asIs, (f) => builtExported(f) === true),
    asyncEngine('json-rules-engine 7 (async)', rulesFacts, rulesVerdict, slowSubset),
  ];
}

/** An asynchronous engine (json-rules-engine), timed over `timedProfiles`. */
function asyncEngine<T>(
  name: string,
  prepare: (p: CustomerFacts) => T,
  evaluate: (input: T) => Promise<boolean>,
  timedProfiles: number,
): BenchEngine {
  return {
    name,
    timedProfiles,
    verdicts: async (profiles) => {
      const out: boolean[] = [];
      for (const p of profiles) out.push(await evaluate(prepare(p)));
      return out;
    },
    timer: (profiles) => asyncTimer(evaluate, profiles.map(prepare)),
  };
}

/**
 * The same rule on each profile with its event aggregates (the "one profile with its
 * event aggregates at a given now"): `eventAggregates` runs once per profile, outside the timed
 * loops, and every engine reads the email_click count from it instead of counting events: the
 * hand-written predicate and Cairn from `aggregates`, the JsonLogic engines and json-rules-engine
 * from an `emailClicks` value next to the traits (their natural input).
 */
export function aggregateEngines(
  slowSubset: number,
  profiles: readonly CustomerFacts[],
): BenchEngine[] {
  const compiled = compileRule(RULE);
  // Computed for every profile first; each engine's input is then built in one pass, as a loader
  // that reads the aggregates from the database builds profiles: the traits (a fresh object, as
  // parsed from the row) and the aggregates, no raw events, one profile's objects after the
  // other. (Built interleaved with eventAggregates' own garbage, the same objects end up scattered
  // over the heap and every engine reads them slower.)
  const computed = new Map(profiles.map((p) => [p, eventAggregates([RULE], p, OPTIONS)]));
  const aggregatesOf = (p: CustomerFacts): EventAggregates =>
    computed.get(p) ?? eventAggregates([RULE], p, OPTIONS);
  const clicks = (p: CustomerFacts) => aggregatesOf(p).values[CLICKS_KEY];
  // One input for the hand-written predicate and Cairn (the same objects, as on raw events).
  // Fields listed: a spread of the profile makes a slower object shape.
  const prepared = new Map<CustomerFacts, CustomerFacts>();
  const withAggregates = (p: CustomerFacts): CustomerFacts => {
    let f = prepared.get(p);
    if (!f) {
      const a = aggregatesOf(p);
      const aggregates = { at: a.at, timeZone: a.timeZone, values: { ...a.values } };
      f = { id: p.id, traits: { ...p.traits }, events: [], aggregates };
      prepared.set(p, f);
    }
    return f;
  };
  const logicInput = (p: CustomerFacts) => ({ traits: { ...p.traits }, emailClicks: clicks(p) });
  const logic = { and: [IDIOMATIC.and[0], { '>=': [{ var: 'emailClicks' }, 2] }] };
  const built = new LogicEngine().build(logic) as (data: unknown) => unknown;
  const rules = new RulesEngine([], { allowUndefinedFacts: true });
  rules.addRule({ conditions: JSON_RULES_CONDITIONS, event: { type: 'match' } });
  return [
    syncEngine('hand-written JS (baseline)', withAggregates, handWrittenOnAggregates),
    syncEngine('Cairn compiled (compileRule)', withAggregates, (f) =>
      compiled.evaluate(f, OPTIONS),
    ),
    syncEngine(
      'json-logic-js apply',
      logicInput,
      (f) => jsonLogic.apply(logic as RulesLogic, f) === true,
    ),
    syncEngine('json-logic-engine build()', logicInput, (f) => built(f) === true),
    asyncEngine(
      'json-rules-engine 7 (async)',
      (p) => ({ ...p.traits, emailClicks: clicks(p) }),
      async (facts) => (await rules.run(facts)).events.length > 0,
      slowSubset,
    ),
  ];
}
