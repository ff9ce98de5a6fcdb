import { describe, expect, it } from 'vitest';
import { describeNode } from './describe-node';

describe('describeNode', () => {
  it('reads each kind of condition as a sentence', () => {
    expect(
      describeNode({
        kind: 'trait',
        path: 'traits.country',
        type: 'string',
        op: 'in',
        values: ['FR', 'DE'],
      }),
    ).toBe('country is one of FR, DE');
    expect(
      describeNode({
        kind: 'event',
        event: 'Email Clicked',
        measure: {
          type: 'count',
          window: { type: 'last', duration: { amount: 30, unit: 'days' } },
          compare: { op: 'gte', value: 2 },
        },
      }),
    ).toBe('Email Clicked happened at least 2 times in the last 30 days');
    expect(
      describeNode({
        kind: 'event',
        event: 'Page Viewed',
        measure: { type: 'lastOccurredBefore', duration: { amount: 60, unit: 'days' } },
      }),
    ).toBe('Page Viewed last happened more than 60 days ago');
    expect(
      describeNode({
        kind: 'score',
        model: 'lead',
        measure: { type: 'current', compare: { op: 'between', min: 10, max: 20 } },
      }),
    ).toBe('lead score between 10 and 20');
    expect(describeNode({ kind: 'consent', channel: 'sms' })).toBe('opted in to SMS');
  });
});
