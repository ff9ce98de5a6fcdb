import { describe, expect, it } from 'vitest';
import { normalizeApiKey, resolveApiKey } from './apiKey';

describe('resolveApiKey', () => {
  it('prefers the key the server injected, then the build-time one, then the saved one', () => {
    const all = {
      bootstrap: { demoApiKey: 'cairn_server' },
      env: 'cairn_env',
      stored: 'cairn_saved',
    };
    expect(resolveApiKey(all)).toEqual({ apiKey: 'cairn_server', source: 'server' });
    expect(resolveApiKey({ ...all, bootstrap: undefined })).toEqual({
      apiKey: 'cairn_env',
      source: 'env',
    });
    expect(resolveApiKey({ stored: 'cairn_saved' })).toEqual({
      apiKey: 'cairn_saved',
      source: 'storage',
    });
  });

  it('skips sources that are missing, empty or malformed', () => {
    expect(resolveApiKey({ bootstrap: {}, env: '   ', stored: 'cairn_saved' })?.source).toBe(
      'storage',
    );
    expect(resolveApiKey({ bootstrap: 'cairn_x', env: 42, stored: null })).toBeUndefined();
    expect(resolveApiKey({ bootstrap: { demoApiKey: 7 }, env: '', stored: '' })).toBeUndefined();
    expect(resolveApiKey({})).toBeUndefined();
  });

  it('never picks the key the server rejected last', () => {
    const candidates = {
      bootstrap: { demoApiKey: 'cairn_stale' },
      stored: 'cairn_pasted',
      rejected: 'cairn_stale',
    };
    expect(resolveApiKey(candidates)).toEqual({ apiKey: 'cairn_pasted', source: 'storage' });
    expect(resolveApiKey({ ...candidates, stored: 'cairn_stale' })).toBeUndefined();
  });
});

describe('normalizeApiKey', () => {
  it.each([
    ['cairn_abc', 'cairn_abc'],
    ['  cairn_abc\n', 'cairn_abc'],
    ['Bearer cairn_abc', 'cairn_abc'],
    ['Authorization: Bearer cairn_abc', 'cairn_abc'],
    ['"cairn_abc"', 'cairn_abc'],
  ])('reads %j as %j', (raw, expected) => {
    expect(normalizeApiKey(raw)).toBe(expected);
  });

  it.each([[''], ['   '], ['Bearer '], ['two words'], [undefined], [null], [{}]])(
    'rejects %j',
    (raw) => {
      expect(normalizeApiKey(raw)).toBeUndefined();
    },
  );
});
