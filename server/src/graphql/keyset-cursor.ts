import type { FilterQuery } from '@mikro-orm/core';
import type { FieldPath } from '@cairn/schema';
import { CairnError } from '../errors/cairn-error';

/** A position in a list sorted newest first: a time, then the id as the tie-breaker. */
export interface KeysetPosition {
  readonly at: Date;
  readonly id: string;
}

/** Encodes and decodes the opaque cursors of one list; `tag` keeps one list's cursors out of another. */
export interface KeysetCursor {
  encode(position: KeysetPosition): string;
  /** Decodes a cursor of this list; anything else is an INVALID_CURSOR error at `path`. */
  decode(raw: string, path: FieldPath): KeysetPosition;
}

/**
 * The cursors of a newest-first keyset list (base64url JSON of `[tag, epoch ms, id]`).
 *
 * @example
 * const cursor = keysetCursor('event.v1');
 * cursor.decode(cursor.encode({ at: event.occurredAt, id: event.id }), ['after']);
 */
export function keysetCursor(tag: string): KeysetCursor {
  return {
    encode: ({ at, id }) =>
      Buffer.from(JSON.stringify([tag, at.getTime(), id])).toString('base64url'),
    decode(raw, path) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
      } catch {
        throw CairnError.invalidCursor(path);
      }
      if (
        !Array.isArray(parsed) ||
        parsed.length !== 3 ||
        parsed[0] !== tag ||
        !Number.isSafeInteger(parsed[1]) ||
        typeof parsed[2] !== 'string'
      ) {
        throw CairnError.invalidCursor(path);
      }
      return { at: new Date(parsed[1] as number), id: parsed[2] };
    },
  };
}

/**
 * The rows after `position` in a list sorted by `timeKey` then `id`, both descending: older, or
 * as old with a smaller id.
 */
export function olderThan<T>(timeKey: keyof T & string, position: KeysetPosition): FilterQuery<T> {
  return {
    $or: [
      { [timeKey]: { $lt: position.at } },
      { [timeKey]: position.at, id: { $lt: position.id } },
    ],
  } as FilterQuery<T>;
}
