import type { CustomerFacts } from './facts';
import type { ValueType } from './rule.types';
import { parseIsoInstant } from './time';

/** The value at a dotted path inside a JSON object; undefined when any step is missing. Arrays are not indexed. */
export function valueAtPath(root: unknown, path: string): unknown {
  return valueAtKeys(root, path.split('.'));
}

/** `valueAtPath` for a path already split into keys, from the key at `from` on. */
export function valueAtKeys(root: unknown, keys: readonly string[], from = 0): unknown {
  let current: unknown = root;
  for (let i = from; i < keys.length; i++) {
    const key = keys[i]!;
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** A profile path: `traits.<dotted>`, `email` or `createdAt` (as an ISO string). */
export function profileValue(facts: CustomerFacts, path: string): unknown {
  if (path.startsWith('traits.')) return valueAtPath(facts.traits, path.slice('traits.'.length));
  if (path === 'email') return facts.email ?? undefined;
  if (path === 'createdAt') {
    // A time JavaScript cannot represent (NaN, beyond ±8.64e15 ms) is no value, as in the database.
    const t = facts.createdAt;
    return t === undefined || !Number.isFinite(t) || Math.abs(t) > 8.64e15
      ? undefined
      : new Date(t).toISOString();
  }
  return undefined;
}

export type Typed =
  | { readonly type: 'string'; readonly value: string }
  | { readonly type: 'number'; readonly value: number }
  | { readonly type: 'boolean'; readonly value: boolean }
  | { readonly type: 'date'; readonly value: number; readonly text: string }
  | { readonly type: 'stringList'; readonly value: readonly string[] };

/**
 * The value as the declared type, or undefined when it is missing or of another type (a number
 * stored as "42" is not a number; a date is an ISO 8601 string the language accepts).
 */
export function asType(raw: unknown, type: ValueType): Typed | undefined {
  switch (type) {
    case 'string':
      return typeof raw === 'string' ? { type, value: raw } : undefined;
    case 'number':
      return typeof raw === 'number' && Number.isFinite(raw) ? { type, value: raw } : undefined;
    case 'boolean':
      return typeof raw === 'boolean' ? { type, value: raw } : undefined;
    case 'date': {
      if (typeof raw !== 'string') return undefined;
      const instant = parseIsoInstant(raw);
      return instant === undefined ? undefined : { type, value: instant, text: raw };
    }
    case 'stringList':
      return Array.isArray(raw) && raw.every((x) => typeof x === 'string')
        ? { type, value: raw as string[] }
        : undefined;
  }
}

/** Present: neither missing nor JSON null. */
export const isPresent = (raw: unknown): boolean => raw !== undefined && raw !== null;

/** Missing, null, the empty string or the empty list. */
export const isEmptyValue = (raw: unknown): boolean =>
  raw === undefined || raw === null || raw === '' || (Array.isArray(raw) && raw.length === 0);
