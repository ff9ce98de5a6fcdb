import type { JsonLogic } from './json-logic.types';

const HOLE = Symbol('hole');

/**
 * A named placeholder inside a JsonLogic pattern. Patterns are the exporter's own forms written
 * with holes where the field and the literals go, so one definition serves both directions.
 */
export function hole(name: string): JsonLogic {
  return { [HOLE]: name } as unknown as JsonLogic;
}

function holeName(pattern: unknown): string | undefined {
  return typeof pattern === 'object' && pattern !== null && HOLE in pattern
    ? (pattern as { [HOLE]: string })[HOLE]
    : undefined;
}

/**
 * Matches `value` against `pattern`, binding each hole to the part of `value` at its place (a
 * hole used twice must bind equal parts). Returns the bindings, or undefined when it does not match.
 *
 * @example
 * unify({ '===': [hole('v'), hole('value')] }, { '===': [{ var: 'x' }, 1] }); // Map { v → {var:'x'}, value → 1 }
 */
export function unify(pattern: JsonLogic, value: unknown): Map<string, unknown> | undefined {
  const bindings = new Map<string, unknown>();
  return match(pattern, value, bindings) ? bindings : undefined;
}

function match(pattern: unknown, value: unknown, bindings: Map<string, unknown>): boolean {
  const name = holeName(pattern);
  if (name !== undefined) {
    if (bindings.has(name)) return jsonEqual(bindings.get(name), value);
    bindings.set(name, value);
    return true;
  }
  if (Array.isArray(pattern)) {
    return (
      Array.isArray(value) &&
      value.length === pattern.length &&
      pattern.every((p, i) => match(p, value[i], bindings))
    );
  }
  if (typeof pattern === 'object' && pattern !== null) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
    const keys = Object.keys(pattern);
    return (
      keys.length === Object.keys(value).length &&
      keys.every(
        (k) =>
          Object.prototype.hasOwnProperty.call(value, k) &&
          match(
            (pattern as Record<string, unknown>)[k],
            (value as Record<string, unknown>)[k],
            bindings,
          ),
      )
    );
  }
  return Object.is(pattern, value);
}

/** Structural equality of two JSON values (-0 and 0 differ, as they may to an evaluator). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  }
  if (typeof a === 'object' && a !== null) {
    if (typeof b !== 'object' || b === null || Array.isArray(b)) return false;
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length &&
      keys.every(
        (k) =>
          Object.prototype.hasOwnProperty.call(b, k) &&
          jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
      )
    );
  }
  return Object.is(a, b);
}
