import { validateRule, type RuleDocument, type RuleNode } from '@cairn/schema';
import type { EngineName } from './config';

export interface BenchRule {
  readonly key: string;
  readonly description: string;
  readonly rule: RuleDocument;
  /** Event names the baseline must load (besides every customer's traits). */
  readonly events: readonly string[];
  /** The target per engine in ms, where it sets one; `byAnalogy` when we extend it. */
  readonly targets: Partial<Record<EngineName, { readonly ms: number; readonly byAnalogy?: true }>>;
}

const usOrCaHighLtv: RuleNode = {
  kind: 'all',
  children: [
    { kind: 'trait', path: 'traits.country', type: 'string', op: 'in', values: ['US', 'CA'] },
    { kind: 'trait', path: 'traits.ltv', type: 'number', op: 'gt', value: 500 },
  ],
};

const emailClicks = (window: { type: 'ever' } | { type: 'last'; days: number }): RuleNode => ({
  kind: 'event',
  event: 'email_click',
  measure: {
    type: 'count',
    window:
      window.type === 'ever'
        ? { type: 'ever' }
        : { type: 'last', duration: { amount: window.days, unit: 'days' } },
    compare: { op: 'gte', value: 2 },
  },
});

const TRAIT_TARGETS = { sqlite: { ms: 200 }, postgres: { ms: 150 } } as const;

const RULES: ReadonlyArray<Omit<BenchRule, 'rule'> & { readonly root: RuleNode }> = [
  {
    key: 'trait',
    description: 'traits.country in [US, CA] and traits.ltv > 500',
    root: usOrCaHighLtv,
    events: [],
    targets: TRAIT_TARGETS,
  },
  {
    key: 'trait-any',
    description: 'plan = enterprise or tags contains vip or leadScore >= 90',
    root: {
      kind: 'any',
      children: [
        { kind: 'trait', path: 'traits.plan', type: 'string', op: 'eq', value: 'enterprise' },
        { kind: 'trait', path: 'traits.tags', type: 'stringList', op: 'contains', value: 'vip' },
        { kind: 'trait', path: 'traits.leadScore', type: 'number', op: 'gte', value: 90 },
      ],
    },
    events: [],
    targets: TRAIT_TARGETS,
  },
  {
    key: 'event-window',
    description: 'email_click count >= 2 in the last 30 days',
    root: emailClicks({ type: 'last', days: 30 }),
    events: ['email_click'],
    targets: { postgres: { ms: 3000 } },
  },
  {
    key: 'mixed',
    description:
      '((country in [US,CA] and ltv > 500) or (leadScore >= 60 and not lastSeenDaysAgo > 60)) and email_click count >= 2 (ever)',
    root: {
      kind: 'all',
      children: [
        {
          kind: 'any',
          children: [
            usOrCaHighLtv,
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
        },
        emailClicks({ type: 'ever' }),
      ],
    },
    events: ['email_click'],
    targets: { postgres: { ms: 3000, byAnalogy: true } },
  },
];

/** The benchmark's rules, each validated by `validateRule` as the API would. */
export function benchRules(): BenchRule[] {
  return RULES.map(({ root, ...rest }) => {
    const validated = validateRule({ version: 1, root });
    if (!validated.ok)
      throw new Error(
        `Benchmark rule "${rest.key}" is invalid: ${validated.problems.map((p) => p.message).join('; ')}`,
      );
    return { ...rest, rule: validated.rule };
  });
}
