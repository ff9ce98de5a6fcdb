import type { FieldPath, Problem } from '@cairn/schema';
import type { IdentityKind } from '../../db/entities';

/** One identifier, normalized: what the `identities` table stores and what lookups compare. */
export interface IdentityKey {
  readonly kind: IdentityKind;
  /** The system an external id comes from; empty for the other kinds. */
  readonly source: string;
  readonly value: string;
}

/**
 * The identity fields that an ingested item (track, identify, CSV row) may carry, as sent.
 * `customerId` names an existing profile directly; the others are looked up in `identities`.
 */
export interface IdentityFields {
  readonly customerId?: string | null | undefined;
  readonly anonymousId?: string | null | undefined;
  readonly email?: string | null | undefined;
  readonly phone?: string | null | undefined;
  readonly externalIds?:
    ReadonlyArray<{ readonly source: string; readonly id: string }> | null | undefined;
}

/** A normalized key with the path of the field it came from (for per-item problems). */
export interface LocatedKey {
  readonly key: IdentityKey;
  readonly path: FieldPath;
}

export interface ReadIdentities {
  readonly customerId: string | undefined;
  /** Strongest first: external ids, email, phone, anonymous id (see `IDENTITY_PRECEDENCE`). */
  readonly keys: readonly LocatedKey[];
  readonly problems: readonly Problem[];
}

/** Which identifier wins when the keys of one item point at different profiles. */
export const IDENTITY_PRECEDENCE: readonly IdentityKind[] = [
  'externalId',
  'email',
  'phone',
  'anonymousId',
];

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const E164 = /^\+[1-9]\d{6,14}$/;
const SOURCE = /^[a-z0-9][a-z0-9_-]{0,49}$/;
const MAX_ID_LENGTH = 200;

/** Lower-cases and trims an email. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Strips the usual formatting (spaces, dashes, dots, parentheses) and turns a leading 00 into +. */
export function normalizePhone(phone: string): string {
  const digits = phone.trim().replace(/[\s\-.()]/g, '');
  return digits.startsWith('00') ? `+${digits.slice(2)}` : digits;
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
 * Reads and normalizes the identity fields of one item. `path` is the item's path; each problem
 * points at the offending field under it. Items need at least one identifier.
 */
export function readIdentities(fields: IdentityFields, path: FieldPath): ReadIdentities {
  const problems: Problem[] = [];
  const keys: LocatedKey[] = [];
  const text = (value: unknown, field: string): string | undefined => {
    if (value === null || value === undefined) return undefined;
    if (typeof value !== 'string' || value.trim() === '' || value.length > MAX_ID_LENGTH) {
      problems.push({
        code: 'BAD_USER_INPUT',
        path: [...path, field],
        message: `${field} must be a non-empty string of at most ${MAX_ID_LENGTH} characters.`,
      });
      return undefined;
    }
    return value.trim();
  };

  const externalIds = fields.externalIds ?? [];
  if (!Array.isArray(externalIds)) {
    problems.push({
      code: 'BAD_USER_INPUT',
      path: [...path, 'externalIds'],
      message: 'externalIds must be a list of {source, id}.',
    });
  } else {
    externalIds.forEach((entry: unknown, i) => {
      const at = [...path, 'externalIds', i];
      const e = (entry ?? {}) as { source?: unknown; id?: unknown };
      const source = typeof e.source === 'string' ? e.source.trim().toLowerCase() : '';
      if (!SOURCE.test(source)) {
        problems.push({
          code: 'BAD_USER_INPUT',
          path: [...at, 'source'],
          message:
            'source names the system the id comes from: 1 to 50 of a-z, 0-9, "_" and "-" (e.g. "salesforce").',
        });
        return;
      }
      const id = typeof e.id === 'number' ? String(e.id) : e.id;
      if (typeof id !== 'string' || id.trim() === '' || id.length > MAX_ID_LENGTH) {
        problems.push({
          code: 'BAD_USER_INPUT',
          path: [...at, 'id'],
          message: `id must be a non-empty string of at most ${MAX_ID_LENGTH} characters.`,
        });
        return;
      }
      keys.push({ key: { kind: 'externalId', source, value: id.trim() }, path: [...at, 'id'] });
    });
  }

  const rawEmail = text(fields.email, 'email');
  if (rawEmail !== undefined) {
    const email = normalizeEmail(rawEmail);
    const emailProblems = validateEmail(email, [...path, 'email']);
    problems.push(...emailProblems);
    if (emailProblems.length === 0)
      keys.push({ key: { kind: 'email', source: '', value: email }, path: [...path, 'email'] });
  }

  const rawPhone = text(fields.phone, 'phone');
  if (rawPhone !== undefined) {
    const phone = normalizePhone(rawPhone);
    if (E164.test(phone))
      keys.push({ key: { kind: 'phone', source: '', value: phone }, path: [...path, 'phone'] });
    else
      problems.push({
        code: 'BAD_USER_INPUT',
        path: [...path, 'phone'],
        message: `"${rawPhone}" is not a phone number in international form (E.164, e.g. +33612345678).`,
      });
  }

  const anonymousId = text(fields.anonymousId, 'anonymousId');
  if (anonymousId !== undefined)
    keys.push({
      key: { kind: 'anonymousId', source: '', value: anonymousId },
      path: [...path, 'anonymousId'],
    });

  const customerId = text(fields.customerId, 'customerId');
  if (problems.length === 0 && keys.length === 0 && customerId === undefined) {
    problems.push({
      code: 'MISSING_IDENTITY',
      path,
      message: 'Give at least one of customerId, externalIds, email, phone or anonymousId.',
    });
  }
  return { customerId, keys, problems };
}

/** A string that identifies a key uniquely (map keys, erasure hashes). */
export function identityKeyString(key: {
  readonly kind: string;
  readonly source: string;
  readonly value: string;
}): string {
  return `${key.kind}\u0000${key.source}\u0000${key.value}`;
}
