import type { RuleProblem, RuleProblemCode } from './problems';

/** Text in a rule cannot hold NUL: PostgreSQL rejects it in text, and SQLite's text functions stop at it. */
export const NUL_MESSAGE = 'Remove the NUL character (U+0000): text in a rule cannot contain it.';

export type JsonPath = ReadonlyArray<string | number>;
export type Json = Record<string, unknown>;

/** Collects problems while a rule is read; nothing here throws. */
export class Reader {
  readonly problems: RuleProblem[] = [];
  nodes = 0;
  readonly nodeIds = new Set<string>();
  /** The id of the node being read, attached to its problems. */
  nodeId: string | undefined;

  report(code: RuleProblemCode, path: JsonPath, message: string): void {
    this.problems.push(
      this.nodeId === undefined
        ? { code, path, message }
        : { code, path, message, nodeId: this.nodeId },
    );
  }

  /** A JSON object (not an array, not null), or a report. */
  object(value: unknown, path: JsonPath, what: string): Json | undefined {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Json;
    this.report('RULE_WRONG_TYPE', path, `${what} must be an object, got ${describe(value)}.`);
    return undefined;
  }

  /** Reports keys other than the allowed ones (typos such as "vaule"). */
  onlyKeys(o: Json, allowed: readonly string[], path: JsonPath): void {
    for (const key of Object.keys(o)) {
      if (!allowed.includes(key)) {
        this.report(
          'RULE_UNKNOWN_FIELD',
          [...path, key],
          `Unknown field "${key}"; allowed here: ${allowed.join(', ')}.`,
        );
      }
    }
  }

  field(o: Json, key: string, path: JsonPath): unknown {
    const value = Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined;
    if (value === undefined)
      this.report('RULE_MISSING_FIELD', [...path, key], `The field "${key}" is required here.`);
    return value;
  }

  string(
    o: Json,
    key: string,
    path: JsonPath,
    { optional = false, nonEmpty = true, max = 1_000 } = {},
  ): string | undefined {
    if (optional && !Object.prototype.hasOwnProperty.call(o, key)) return undefined;
    const value = this.field(o, key, path);
    if (value === undefined) return undefined;
    if (typeof value !== 'string') {
      this.report(
        'RULE_WRONG_TYPE',
        [...path, key],
        `"${key}" must be a string, got ${describe(value)}.`,
      );
      return undefined;
    }
    if (nonEmpty && value.length === 0) {
      this.report('RULE_BAD_VALUE', [...path, key], `"${key}" must not be empty.`);
      return undefined;
    }
    if (value.length > max) {
      this.report(
        'RULE_BAD_VALUE',
        [...path, key],
        `"${key}" has ${value.length} characters; at most ${max} are allowed.`,
      );
      return undefined;
    }
    if (value.includes('\u0000')) {
      this.report('RULE_BAD_VALUE', [...path, key], NUL_MESSAGE);
      return undefined;
    }
    return value;
  }

  number(
    o: Json,
    key: string,
    path: JsonPath,
    { integer = false, min = -Infinity, max = Infinity } = {},
  ): number | undefined {
    const value = this.field(o, key, path);
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.report(
        'RULE_WRONG_TYPE',
        [...path, key],
        `"${key}" must be a finite number, got ${describe(value)}.`,
      );
      return undefined;
    }
    if ((integer && !Number.isInteger(value)) || value < min || value > max) {
      const range = `${integer ? 'a whole number' : 'a number'}${Number.isFinite(min) ? ` from ${min}` : ''}${Number.isFinite(max) ? ` to ${max}` : ''}`;
      this.report('RULE_BAD_VALUE', [...path, key], `"${key}" must be ${range} (got ${value}).`);
      return undefined;
    }
    return value;
  }

  oneOf<T extends string>(
    o: Json,
    key: string,
    path: JsonPath,
    allowed: readonly T[],
    code: RuleProblemCode = 'RULE_BAD_VALUE',
  ): T | undefined {
    const value = this.field(o, key, path);
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
      this.report(
        code,
        [...path, key],
        `"${key}" must be one of ${allowed.join(', ')} (got ${describe(value)}).`,
      );
      return undefined;
    }
    return value as T;
  }
}

/** A short description of a JSON value for messages. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string')
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'object') return 'an object';
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : typeof value;
}

/**
 * `record[key]` for the record's own keys only: user-supplied names such as "constructor" or
 * "toString" must not reach Object.prototype.
 */
export function own<T>(
  record: Readonly<Record<string, T>> | undefined,
  key: string,
): T | undefined {
  return record !== undefined && Object.prototype.hasOwnProperty.call(record, key)
    ? record[key]
    : undefined;
}
