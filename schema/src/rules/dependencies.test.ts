import { describe, expect, it } from 'vitest';
import { affectedBy, pathsOverlap, ruleDependencies } from './dependencies';
import type { RuleDocument, RuleNode } from './rule.types';

const days = (amount: number) => ({ amount, unit: 'days' as const });

const rule: RuleDocument = {
  version: 1,
  root: {
    kind: 'all',
    children: [
      { kind: 'trait', path: 'traits.company.size', type: 'number', op: 'gte', value: 50 },
      { kind: 'trait', path: 'email', type: 'string', op: 'endsWith', value: '@acme.com' },
      {
        kind: 'not',
        child: {
          kind: 'event',
          event: 'purchase',
          where: { kind: 'property', path: 'amount', type: 'number', op: 'gt', value: 10 },
          measure: {
            type: 'count',
            window: { type: 'between', from: '2026-01-01', to: '2026-02-01' },
            compare: { op: 'gte', value: 1 },
          },
        },
      },
      {
        kind: 'any',
        children: [
          { kind: 'score', model: 'lead', measure: { type: 'hasScore' } },
          { kind: 'consent', channel: 'sms' },
          { kind: 'segment', segmentId: 'vip' },
          {
            kind: 'event',
            event: 'page_view',
            measure: { type: 'lastOccurredWithin', duration: days(7) },
          },
        ],
      },
    ],
  },
};

describe('ruleDependencies', () => {
  it('lists every event name, trait path, profile field, model, channel and segment the rule reads', () => {
    expect(ruleDependencies(rule)).toEqual({
      eventNames: ['page_view', 'purchase'],
      filteredEventNames: ['purchase'],
      traitPaths: ['company.size'],
      profileFields: ['email'],
      scoreModels: ['lead'],
      consentChannels: ['sms'],
      segmentIds: ['vip'],
      usesRandomBucket: false,
      timeDependent: true,
      usesTimeZone: false,
    });
  });

  it('is time-dependent exactly when a node reads the clock', () => {
    const timed = (root: RuleNode) => ruleDependencies(root).timeDependent;
    const trait = (p: object) =>
      ({ kind: 'trait', path: 'traits.d', type: 'date', ...p }) as RuleNode;
    expect(timed(trait({ op: 'before', value: '2026-01-01' }))).toBe(false);
    expect(timed(trait({ op: 'between', min: '2026-01-01', max: '2026-02-01' }))).toBe(false);
    expect(timed(trait({ op: 'withinLast', duration: days(1) }))).toBe(true);
    expect(timed(trait({ op: 'notWithinLast', duration: days(1) }))).toBe(true);
    expect(timed(trait({ op: 'anniversaryWithin', days: 3 }))).toBe(true);
    expect(ruleDependencies(trait({ op: 'anniversaryWithin', days: 3 })).usesTimeZone).toBe(true);
    const count = (window: object, where?: object) =>
      ({
        kind: 'event',
        event: 'x',
        ...(where ? { where } : {}),
        measure: { type: 'count', window, compare: { op: 'gte', value: 1 } },
      }) as RuleNode;
    const between = { type: 'between', from: '2026-01-01', to: '2026-02-01' };
    expect(timed(count(between))).toBe(false);
    expect(timed(count({ type: 'ever' }))).toBe(true);
    expect(timed(count({ type: 'last', duration: days(1) }))).toBe(true);
    const recent = {
      kind: 'property',
      path: 'at',
      type: 'date',
      op: 'withinLast',
      duration: days(1),
    };
    expect(timed(count(between, { kind: 'not', child: recent }))).toBe(true);
    expect(timed({ kind: 'randomBucket', salt: 's', from: 0, to: 10 })).toBe(false);
    expect(
      ruleDependencies({ kind: 'randomBucket', salt: 's', from: 0, to: 10 }).usesRandomBucket,
    ).toBe(true);
  });
});

describe('affectedBy', () => {
  const deps = ruleDependencies(rule);

  it('matches trait paths on whole segments, either way round', () => {
    expect(affectedBy(deps, { kind: 'traits', paths: ['company'] })).toBe(true);
    expect(affectedBy(deps, { kind: 'traits', paths: ['company.size'] })).toBe(true);
    expect(affectedBy(deps, { kind: 'traits', paths: ['company.size.bucket'] })).toBe(true);
    expect(affectedBy(deps, { kind: 'traits', paths: ['company.name', 'plan'] })).toBe(false);
    expect(affectedBy(deps, { kind: 'traits', paths: ['companySize', 'comp'] })).toBe(false);
    expect(affectedBy(deps, { kind: 'traits', paths: [] })).toBe(false);
    expect(pathsOverlap('a.b', 'a.bc')).toBe(false);
  });

  it('matches events, scores, consent and segments by name', () => {
    expect(affectedBy(deps, { kind: 'event', name: 'purchase' })).toBe(true);
    expect(affectedBy(deps, { kind: 'event', name: 'Purchase' })).toBe(false);
    expect(affectedBy(deps, { kind: 'score', model: 'lead' })).toBe(true);
    expect(affectedBy(deps, { kind: 'score', model: 'fit' })).toBe(false);
    expect(affectedBy(deps, { kind: 'consent', channel: 'sms' })).toBe(true);
    expect(affectedBy(deps, { kind: 'consent', channel: 'email' })).toBe(false);
    expect(affectedBy(deps, { kind: 'segment', segmentId: 'vip' })).toBe(true);
    expect(affectedBy(deps, { kind: 'segment', segmentId: 'other' })).toBe(false);
  });

  it('an identity change affects rules that read the email, createdAt or a random bucket', () => {
    expect(affectedBy(deps, { kind: 'identity' })).toBe(true);
    const traitsOnly = ruleDependencies(
      rule.root.kind === 'all' ? rule.root.children[0]! : rule.root,
    );
    expect(affectedBy(traitsOnly, { kind: 'identity' })).toBe(false);
  });
});
