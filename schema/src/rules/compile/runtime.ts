import { aggregateHolds } from '../aggregate';
import { randomBucket } from '../bucket';
import { daysUntilAnniversary } from '../time';
import { valueAtKeys } from '../values';
import { parseIsoInstantFast } from './iso-instant';

const isString = (x: unknown): boolean => typeof x === 'string';

/**
 * The helpers generated code calls, bound by these fixed names. They are the interpreter's own
 * pure helpers (or exact equivalents), so calendar and hashing questions have one implementation.
 */
export const RUNTIME = {
  isArray: Array.isArray,
  hasOwn: Object.prototype.hasOwnProperty,
  objectProto: Object.prototype,
  /** The rest of a path from a step whose value is not a plain object (`shapeOf` 0 or 2). */
  valueAtKeys,
  trunc: Math.trunc,
  parseIso: parseIsoInstantFast,
  /** `asType(v, 'stringList')`: an array whose elements are all strings (holes skipped, as `every` does). */
  isStringList: (v: unknown): boolean => Array.isArray(v) && v.every(isString),
  /** `profileValue(facts, 'createdAt')` for a defined `createdAt`: undefined for a time JavaScript cannot represent. */
  createdAtText: (createdAt: number): string | undefined =>
    !Number.isFinite(createdAt) || Math.abs(createdAt) > 8.64e15
      ? undefined
      : new Date(createdAt).toISOString(),
  /** Instants whose ISO text `parseIsoInstant` reads back unchanged: years 1 to 9999. */
  createdAtMin: Date.parse('0001-01-01T00:00:00.000Z'),
  createdAtMax: Date.parse('9999-12-31T23:59:59.999Z'),
  anniversaryDays: daysUntilAnniversary,
  bucket: randomBucket,
  aggregateHolds,
  /** The values of an aggregate without numbers. */
  noNumbers: Object.freeze([]) as readonly number[],
} as const;

export const RUNTIME_NAMES = Object.keys(RUNTIME) as ReadonlyArray<keyof typeof RUNTIME>;
