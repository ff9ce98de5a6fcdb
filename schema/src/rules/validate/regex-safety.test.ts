import { describe, expect, it } from 'vitest';
import { regexProblem } from './regex-safety';

describe('regexProblem', () => {
  it.each([
    '^/pricing',
    'a.b',
    '[a-z]+@example\\.com$',
    '(?:ab)+c',
    '^\\d{3}-\\d{4}$',
    'x{2,5}',
    '(foo)+',
    '(?:gold|silver)',
    '[^,]*,[^,]*',
    'a|b|c',
    '[\\d\\s_-]+',
    '\\t\\.\\/',
  ])('accepts %j', (pattern) => {
    expect(regexProblem(pattern)).toBeUndefined();
  });

  it.each([
    ['(a+)+$', 'unsafe'],
    ['(a|aa)*', 'unsafe'],
    ['(?:x*y*)*', 'unsafe'],
    ['((ab)*c)+', 'unsafe'],
    ['(a)\\1', 'unsafe'],
    ['(?=a)b', 'unsafe'],
    ['(?<name>a)', 'unsafe'],
    ['a{1,5000}', 'unsafe'],
    ['(', 'invalid'],
    ['[a-', 'invalid'],
    ['\\bword', 'invalid'],
    ['\\p{L}', 'invalid'],
    ['[[:alpha:]]', 'invalid'],
    ['\\0', 'invalid'],
    ['\\x41', 'invalid'],
    ['\\u0041', 'invalid'],
    ['[\\D]', 'invalid'],
    ['[\\b]', 'invalid'],
  ])('refuses %j as %s', (pattern, kind) => {
    expect(regexProblem(pattern)?.kind).toBe(kind);
  });
});
