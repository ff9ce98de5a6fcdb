import { describe, expect, it } from 'vitest';
import { errorCatalog, isErrorCode } from './catalog';

describe('error catalog', () => {
  it('gives every code an HTTP status, a summary and a fix', () => {
    for (const [code, spec] of Object.entries(errorCatalog)) {
      expect(code).toMatch(/^[A-Z_]+$/);
      expect(spec.status).toBeGreaterThanOrEqual(400);
      expect(spec.summary.length).toBeGreaterThan(10);
      expect(spec.fix.length).toBeGreaterThan(10);
    }
  });

  it('recognises catalog codes and nothing else', () => {
    expect(isErrorCode('UNAUTHENTICATED')).toBe(true);
    expect(isErrorCode('toString')).toBe(false);
    expect(isErrorCode('NOPE')).toBe(false);
    expect(isErrorCode(42)).toBe(false);
  });
});
