import type { FieldPath, Problem } from '@cairn/schema';

export const MAX_UPSERT_BATCH = 1000;
const MAX_TRAIT_KEY_LENGTH = 100;
const MAX_TRAIT_DEPTH = 8;
const MAX_TRAITS_BYTES = 32 * 1024;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Lower-cases and trims an email; `undefined` when none was given. */
export function normalizeEmail(email: string | null | undefined): string | undefined {
  if (email === null || email === undefined) return undefined;
  return email.trim().toLowerCase();
}

export function validateEmail(email: string, path: FieldPath): Problem[] {
  if (email.length > 320) {
    return [
      { code: 'BAD_USER_INPUT', path, message: 'An email address has at most 320 characters.' },
    ];
  }
  if (!EMAIL.test(email)) {
    return [
      {
        code: 'BAD_USER_INPUT',
        path,
        message: `"${email}" is not an email address (expected name@domain.tld).`,
      },
    ];
  }
  return [];
}

/**
 * Traits are a JSON object whose keys can be addressed by rule paths (`traits.company.size`): no
 * empty keys, no dots, no leading `$`, at most 8 levels deep and 32 KiB serialized.
 */
export function validateTraits(traits: Record<string, unknown>, path: FieldPath): Problem[] {
  const problems: Problem[] = [];
  const size = Buffer.byteLength(JSON.stringify(traits), 'utf8');
  if (size > MAX_TRAITS_BYTES) {
    problems.push({
      code: 'BAD_USER_INPUT',
      path,
      message: `Traits take ${size} bytes as JSON; at most ${MAX_TRAITS_BYTES} are allowed. Store large data as events instead.`,
    });
  }
  const visit = (value: unknown, at: FieldPath, depth: number): void => {
    if (value === null || typeof value !== 'object') return;
    if (depth > MAX_TRAIT_DEPTH) {
      problems.push({
        code: 'BAD_USER_INPUT',
        path: at,
        message: `Traits nest at most ${MAX_TRAIT_DEPTH} levels deep.`,
      });
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, [...at, i], depth + 1));
      return;
    }
    for (const [key, child] of Object.entries(value)) {
      const keyPath = [...at, key];
      if (key.length === 0 || key.length > MAX_TRAIT_KEY_LENGTH) {
        problems.push({
          code: 'BAD_USER_INPUT',
          path: keyPath,
          message: `A trait name has 1 to ${MAX_TRAIT_KEY_LENGTH} characters.`,
        });
      } else if (key.includes('.') || key.startsWith('$')) {
        problems.push({
          code: 'BAD_USER_INPUT',
          path: keyPath,
          message: `Trait name "${key}" may not contain "." or start with "$"; nest an object instead (e.g. {"company": {"size": 50}}).`,
        });
      }
      visit(child, keyPath, depth + 1);
    }
  };
  visit(traits, path, 1);
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
  const merged: Record<string, unknown> = { ...stored };
  for (const [key, value] of Object.entries(update)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return merged;
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
