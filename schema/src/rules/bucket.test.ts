import { describe, expect, it } from 'vitest';
import { md5Hex, randomBucket } from './bucket';

describe('md5Hex', () => {
  // RFC 1321, appendix A.5 test suite.
  it.each([
    ['', 'd41d8cd98f00b204e9800998ecf8427e'],
    ['a', '0cc175b9c0f1b6a831c399e269772661'],
    ['abc', '900150983cd24fb0d6963f7d28e17f72'],
    ['message digest', 'f96b697d7cb7938d525a2f31aaf161d0'],
    ['abcdefghijklmnopqrstuvwxyz', 'c3fcd3d76192e4007dfb496cca67e13b'],
    [
      '12345678901234567890123456789012345678901234567890123456789012345678901234567890',
      '57edf4a22be3c955ac49da2e2107b67a',
    ],
  ])('md5(%j) = %s', (input, digest) => {
    expect(md5Hex(input)).toBe(digest);
  });

  it('hashes UTF-8 bytes', () => {
    // The UTF-8 encoding of "é" is c3 a9; digest computed independently with node:crypto.
    expect(md5Hex('é')).toBe('66ddcd97cfdeabb2f6fb8a999b4bc76f');
  });
});

describe('randomBucket', () => {
  it('is deterministic and in range', () => {
    expect(randomBucket('c1', 's')).toBe(randomBucket('c1', 's'));
    for (let i = 0; i < 1000; i++) {
      const b = randomBucket(`customer-${i}`, 'salt');
      expect(b).toBeGreaterThanOrEqual(0);
      expect(b).toBeLessThan(10_000);
    }
  });

  it('spreads customers evenly over buckets', () => {
    const halves = [0, 0];
    for (let i = 0; i < 20_000; i++) halves[randomBucket(`customer-${i}`, 'ab') < 5000 ? 0 : 1]!++;
    expect(Math.abs(halves[0]! - halves[1]!)).toBeLessThan(600);
  });

  it('changes with the salt', () => {
    const same = Array.from(
      { length: 200 },
      (_, i) => randomBucket(`c${i}`, 'x') === randomBucket(`c${i}`, 'y'),
    ).filter(Boolean);
    expect(same.length).toBeLessThan(5);
  });
});
