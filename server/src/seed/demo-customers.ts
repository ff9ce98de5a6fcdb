import type { Traits } from '../db/entities';

const FIRST = [
  'Ada',
  'Ben',
  'Chloé',
  'Dmitri',
  'Elena',
  'Farid',
  'Grace',
  'Hiro',
  'Ines',
  'Jonas',
  'Kemi',
  'Liam',
  'Maya',
  'Nikhil',
  'Olga',
  'Pedro',
  'Quinn',
  'Rosa',
  'Sven',
  'Tariq',
];
const LAST = [
  'Okafor',
  'Lindqvist',
  'Moreau',
  'Ivanov',
  'García',
  'Haddad',
  'Nakamura',
  'Schmidt',
  'Rossi',
  'Walsh',
  'Adeyemi',
  'Kowalski',
];
const COUNTRIES = ['US', 'CA', 'GB', 'DE', 'FR', 'ES', 'JP', 'BR', 'IN', 'NG'];
const INDUSTRIES = ['software', 'retail', 'finance', 'healthcare', 'education', 'manufacturing'];
const PLANS = ['free', 'starter', 'growth', 'enterprise'];
const STAGES = ['subscriber', 'lead', 'mql', 'sql', 'opportunity', 'customer'];
const DEVICES = ['ios', 'android', 'macos', 'windows', 'linux'];

/** A small deterministic PRNG (mulberry32), so the demo data is the same on every machine. */
export function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface DemoCustomer {
  readonly email: string;
  readonly traits: Traits;
  readonly createdAt: Date;
}

/** `count` plausible B2B/B2C profiles spread over the last year before `now`. */
export function demoCustomers(count: number, now: Date): DemoCustomer[] {
  const random = prng(20261123);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  return Array.from({ length: count }, (_, i) => {
    const first = FIRST[i % FIRST.length]!;
    const last = LAST[(i * 7) % LAST.length]!;
    const ageDays = Math.floor(random() * 365);
    const createdAt = new Date(now.getTime() - ageDays * 86_400_000 - i * 60_000);
    const email = `${first}.${last}.${i}@example.com`
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();
    return {
      email,
      createdAt,
      traits: {
        name: `${first} ${last}`,
        country: pick(COUNTRIES),
        plan: pick(PLANS),
        lifecycleStage: pick(STAGES),
        ltv: Math.round(random() * 2_000 * 100) / 100,
        leadScore: Math.floor(random() * 100),
        newsletter: random() > 0.4,
        device: pick(DEVICES),
        company: {
          name: `${last} ${pick(['GmbH', 'Inc.', 'Ltd', 'SA'])}`,
          industry: pick(INDUSTRIES),
          size: Math.floor(random() * 5_000) + 1,
        },
        birthday: new Date(
          Date.UTC(
            1960 + Math.floor(random() * 45),
            Math.floor(random() * 12),
            1 + Math.floor(random() * 28),
          ),
        )
          .toISOString()
          .slice(0, 10),
      },
    };
  });
}
