import { describe, expect, it } from 'vitest';
import { identityKeyString, normalizePhone, readIdentities } from './identity-key';

describe('readIdentities', () => {
  it('normalizes every kind and orders them by precedence', () => {
    const read = readIdentities(
      {
        anonymousId: ' dev-1 ',
        phone: '0033 (6) 12-34.56.78',
        email: ' Ada@Example.COM',
        externalIds: [{ source: 'Salesforce', id: 42 as unknown as string }],
        customerId: 'c-1',
      },
      [0],
    );
    expect(read.problems).toEqual([]);
    expect(read.customerId).toBe('c-1');
    expect(read.keys.map((l) => [l.key.kind, l.key.source, l.key.value, l.path.join('.')])).toEqual(
      [
        ['externalId', 'salesforce', '42', '0.externalIds.0.id'],
        ['email', '', 'ada@example.com', '0.email'],
        ['phone', '', '+33612345678', '0.phone'],
        ['anonymousId', '', 'dev-1', '0.anonymousId'],
      ],
    );
  });

  it('reports each bad field at its path', () => {
    const read = readIdentities(
      {
        email: 'nope',
        phone: '12',
        externalIds: [
          { source: 'has space', id: 'x' },
          { source: 'crm', id: '' },
        ],
        anonymousId: '',
      },
      [3],
    );
    expect(read.problems.map((p) => `${p.code}@${p.path.join('.')}`)).toEqual([
      'BAD_USER_INPUT@3.externalIds.0.source',
      'BAD_USER_INPUT@3.externalIds.1.id',
      'BAD_USER_INPUT@3.email',
      'BAD_USER_INPUT@3.phone',
      'BAD_USER_INPUT@3.anonymousId',
    ]);
  });

  it('needs at least one identifier', () => {
    expect(readIdentities({}, [1]).problems).toEqual([
      expect.objectContaining({ code: 'MISSING_IDENTITY', path: [1] }),
    ]);
    expect(readIdentities({ customerId: 'c' }, [1]).problems).toEqual([]);
  });

  it('keys differ by kind and source, not only by value', () => {
    const a = identityKeyString({ kind: 'externalId', source: 'crm', value: '1' });
    const b = identityKeyString({ kind: 'externalId', source: 'shop', value: '1' });
    const c = identityKeyString({ kind: 'anonymousId', source: '', value: '1' });
    expect(new Set([a, b, c]).size).toBe(3);
    expect(normalizePhone('+1 (555) 010-9999')).toBe('+15550109999');
  });
});
