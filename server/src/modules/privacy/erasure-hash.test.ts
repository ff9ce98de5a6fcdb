import { describe, expect, it } from 'vitest';
import { customerIdKey, erasureHash } from './erasure-hash';

const KEY_A = 'a'.repeat(64);
const KEY_B = 'b'.repeat(64);
const email = { kind: 'email', source: '', value: 'ada@example.org' } as const;

describe('erasureHash', () => {
  it('is deterministic for one workspace key', () => {
    expect(erasureHash(KEY_A, email)).toBe(erasureHash(KEY_A, { ...email }));
    expect(erasureHash(KEY_A, email)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('differs between workspace keys, so tombstones cannot be matched across workspaces', () => {
    expect(erasureHash(KEY_A, email)).not.toBe(erasureHash(KEY_B, email));
  });

  it('tells kinds and sources apart for the same value', () => {
    const value = '12345678';
    const hashes = new Set([
      erasureHash(KEY_A, { kind: 'phone', source: '', value }),
      erasureHash(KEY_A, { kind: 'anonymousId', source: '', value }),
      erasureHash(KEY_A, { kind: 'externalId', source: 'crm', value }),
      erasureHash(KEY_A, { kind: 'externalId', source: 'shop', value }),
      erasureHash(KEY_A, customerIdKey(value)),
    ]);
    expect(hashes.size).toBe(5);
  });

  it('does not contain the identifier', () => {
    expect(erasureHash(KEY_A, email)).not.toContain('ada');
  });
});
