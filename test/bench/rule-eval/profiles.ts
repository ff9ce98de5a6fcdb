import type { CustomerFacts } from '@cairn/schema';

/** mulberry32: a small deterministic PRNG, so every run measures the same profiles. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COUNTRIES = ['US', 'US', 'US', 'CA', 'GB', 'DE', 'FR', 'MX', 'BR', 'JP'];
const EVENT_NAMES = ['email_click', 'page_view', 'email_open', 'purchase', 'form_submit'];
const DAY = 86_400_000;

/**
 * Synthetic profiles: traits country / ltv / leadScore / lastSeenDaysAgo (a few missing, as in real
 * data: 3% without ltv, 2% without leadScore, 5% without lastSeenDaysAgo, stored as JSON null) and
 * 0–5 events from the last 90 days.
 */
export function syntheticProfiles(count: number, now: number, seed = 20260501): CustomerFacts[] {
  const random = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const profiles: CustomerFacts[] = [];
  for (let i = 0; i < count; i++) {
    // Every profile has the same keys (one object shape); a missing trait is JSON null.
    const traits: Record<string, unknown> = {
      country: pick(COUNTRIES),
      ltv: random() < 0.03 ? null : Math.round(random() * 200_000) / 100,
      leadScore: random() < 0.02 ? null : Math.floor(random() * 101),
      lastSeenDaysAgo: random() < 0.05 ? null : Math.floor(random() * 366),
    };
    const events = Array.from({ length: Math.floor(random() * 6) }, (_, j) => ({
      id: `e${i}-${j}`,
      name: pick(EVENT_NAMES),
      occurredAt: now - Math.floor(random() * 90 * DAY),
      properties: {},
    }));
    profiles.push({ id: `c${i}`, traits, events });
  }
  return profiles;
}
