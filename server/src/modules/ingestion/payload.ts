import type { FieldPath, Problem } from '@cairn/schema';

/** Items one request may carry (GraphQL `track`/`identify`, `POST /v1/events`). */
export const MAX_BATCH = 1000;
const MAX_KEY_LENGTH = 100;
const MAX_DEPTH = 8;
const MAX_BYTES = 32 * 1024;

/** What a payload object is, for messages: profile traits or event properties. */
export type PayloadNoun = 'Traits' | 'Properties';

/** True for a plain JSON object (not null, not a list). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Traits and event properties are JSON objects whose keys rule paths can address
 * (`traits.company.size`, `properties.url`): no empty keys, no dots, no leading `$`, at most 8
 * levels deep and 32 KiB serialized. Every problem is reported with its nested path.
 */
export function validatePayload(value: unknown, path: FieldPath, noun: PayloadNoun): Problem[] {
  if (!isJsonObject(value)) {
    return [{ code: 'BAD_USER_INPUT', path, message: `${noun} must be a JSON object.` }];
  }
  const problems: Problem[] = [];
  const size = Buffer.byteLength(JSON.stringify(value), 'utf8');
  if (size > MAX_BYTES) {
    problems.push({
      code: 'BAD_USER_INPUT',
      path,
      message: `${noun} take ${size} bytes as JSON; at most ${MAX_BYTES} are allowed.${noun === 'Traits' ? ' Store large data as events instead.' : ''}`,
    });
  }
  const visit = (node: unknown, at: FieldPath, depth: number): void => {
    if (node === null || typeof node !== 'object') return;
    if (depth > MAX_DEPTH) {
      problems.push({
        code: 'BAD_USER_INPUT',
        path: at,
        message: `${noun} nest at most ${MAX_DEPTH} levels deep.`,
      });
      return;
    }
    if (Array.isArray(node)) {
      node.forEach((item, i) => visit(item, [...at, i], depth + 1));
      return;
    }
    for (const [key, child] of Object.entries(node)) {
      const keyPath = [...at, key];
      if (key.length === 0 || key.length > MAX_KEY_LENGTH) {
        problems.push({
          code: 'BAD_USER_INPUT',
          path: keyPath,
          message: `A name in ${noun.toLowerCase()} has 1 to ${MAX_KEY_LENGTH} characters.`,
        });
      } else if (key.includes('.') || key.startsWith('$')) {
        problems.push({
          code: 'BAD_USER_INPUT',
          path: keyPath,
          message: `Name "${key}" may not contain "." or start with "$"; nest an object instead (e.g. {"company": {"size": 50}}).`,
        });
      }
      visit(child, keyPath, depth + 1);
    }
  };
  visit(value, path, 1);
  return problems;
}

/**
 * Applies an update to stored traits: keys merge one by one, a key set to null is removed, and a
 * nested object replaces the stored value of its key as a whole.
 */
export function mergeTraits(
  stored: Record<string, unknown>,
  update: Record<string, unknown>,
): Record<string, unknown> {
  // A Map, then fromEntries: keys such as "__proto__" stay plain own properties.
  const merged = new Map(Object.entries(stored));
  for (const [key, value] of Object.entries(update)) {
    if (value === null) merged.delete(key);
    else merged.set(key, value);
  }
  return Object.fromEntries(merged);
}

/** Structural equality of two JSON values (key order ignored). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return (
    ka.length === kb.length &&
    ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}
