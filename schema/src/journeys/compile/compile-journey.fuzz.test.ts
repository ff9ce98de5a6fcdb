import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JOURNEY_EXAMPLES } from '../examples';
import { simulateJourney } from '../simulate';
import { compileJourney } from './compile-journey';

const env = (name: string): string | undefined =>
  (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[name];
/** Cases per property: JOURNEY_FUZZ_RUNS (default 2,000). */
const RUNS = Number(env('JOURNEY_FUZZ_RUNS') ?? 2_000) || 2_000;
const examples = Object.values(JOURNEY_EXAMPLES);

/** An example with one value somewhere inside it replaced by an arbitrary JSON value. */
const mutated = fc
  .tuple(fc.constantFrom(...examples), fc.nat(), fc.jsonValue())
  .map(([graph, pick, value]) => {
    const copy = JSON.parse(JSON.stringify(graph)) as Record<string, unknown>;
    const slots: Array<[Record<string, unknown> | unknown[], string | number]> = [];
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) {
        v.forEach((x, i) => {
          slots.push([v, i]);
          walk(x);
        });
      } else if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
          slots.push([v as Record<string, unknown>, k]);
          walk(x);
        }
      }
    };
    walk(copy);
    const [holder, key] = slots[pick % slots.length]!;
    (holder as Record<string | number, unknown>)[key] = value;
    return copy;
  });

describe('compileJourney on hostile input', () => {
  it('never throws on arbitrary JSON, and reports problems with a code and a path', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        const result = compileJourney(json);
        for (const p of result.problems) {
          expect(typeof p.code).toBe('string');
          expect(Array.isArray(p.path)).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('never throws on examples with one value replaced; what compiles also simulates', () => {
    fc.assert(
      fc.property(
        mutated,
        fc.array(
          fc.constantFrom(
            'Cart Abandoned',
            'Order Completed',
            'Page Viewed',
            'Ebook Downloaded',
            'Email Bounced',
          ),
          { maxLength: 6 },
        ),
        (json, names) => {
          const result = compileJourney(json);
          if (!result.ok) {
            expect(result.problems.some((p) => p.severity === 'error')).toBe(true);
            return;
          }
          const t0 = Date.parse('2026-01-01T00:00:00Z');
          const timeline = names.map((name, i) => ({
            name,
            occurredAt: t0 + i * 3_600_000,
            properties: { url: '/pricing', type: 'hard' },
          }));
          const sim = simulateJourney(result.plan, { id: 'c', traits: {}, events: [] }, timeline, {
            start: t0,
          });
          expect(sim.trace.length).toBeLessThan(10_000);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
