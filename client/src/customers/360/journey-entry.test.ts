import { describe, expect, it } from 'vitest';
import { entryStatus, stepName } from './journey-entry';

const iso = (s: string) => `at ${s}`;

describe('entryStatus', () => {
  it('says until when an active entry waits, and for which event', () => {
    expect(entryStatus({ status: 'active', waitingUntil: 'T1' }, iso)).toEqual({
      tone: 'waiting',
      label: 'Waiting until at T1',
    });
    expect(
      entryStatus({ status: 'active', awaiting: 'Order Completed', waitingUntil: 'T1' }, iso),
    ).toEqual({ tone: 'waiting', label: 'Waiting for “Order Completed” until at T1' });
    expect(entryStatus({ status: 'active', awaiting: 'Order Completed' }, iso)).toEqual({
      tone: 'waiting',
      label: 'Waiting for “Order Completed”',
    });
    expect(entryStatus({ status: 'active', waitingUntil: null, awaiting: null }, iso)).toEqual({
      tone: 'active',
      label: 'Active',
    });
  });

  it('puts a conversion first, whether the entry goes on or ended on the goal', () => {
    expect(entryStatus({ status: 'exited', exitReason: 'goal', convertedAt: 'T2' }, iso)).toEqual({
      tone: 'converted',
      label: 'Converted at T2',
    });
    expect(entryStatus({ status: 'active', convertedAt: 'T2', waitingUntil: 'T3' }, iso)).toEqual({
      tone: 'converted',
      label: 'Converted at T2, still in the journey',
    });
  });

  it('tells a completed journey from one left early', () => {
    expect(entryStatus({ status: 'exited', exitReason: 'exit' }, iso)).toEqual({
      tone: 'completed',
      label: 'Completed',
    });
    expect(entryStatus({ status: 'exited', exitReason: 'archived' }, iso)).toEqual({
      tone: 'exited',
      label: 'Exited: the journey was archived',
    });
    expect(entryStatus({ status: 'exited', exitReason: 'stepLimit' }, iso).tone).toBe('exited');
    expect(entryStatus({ status: 'exited', exitReason: 'somethingNew' }, iso)).toEqual({
      tone: 'exited',
      label: 'Exited (somethingNew)',
    });
    expect(entryStatus({ status: 'exited', exitReason: null }, iso).label).toBe('Exited');
  });
});

describe('stepName', () => {
  it("uses the step's label, else its kind and id, else the id", () => {
    expect(stepName({ nodeId: 'w', stepLabel: 'Wait for an order', stepKind: 'wait' })).toBe(
      'Wait for an order',
    );
    expect(stepName({ nodeId: 'n3', stepLabel: null, stepKind: 'action' })).toBe(
      'Message step (n3)',
    );
    expect(stepName({ nodeId: 'n4', stepLabel: '', stepKind: 'unknownKind' })).toBe('n4');
    expect(stepName({ nodeId: 'n5' })).toBe('n5');
  });
});
