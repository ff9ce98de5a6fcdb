import { createHash, randomBytes } from 'node:crypto';
import { ApiKey, type ApiKeyScope, type Workspace } from '../db/entities';
import type { Em } from '../db/orm';
import { CairnError } from '../errors/cairn-error';

const KEY_PREFIX = 'cairn_';

/** The secret is 32 random bytes; only its SHA-256 is stored (a fast hash fits: the secret has full entropy). */
export function hashApiKey(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export interface CreatedApiKey {
  readonly apiKey: ApiKey;
  /** The full key, to show once; it cannot be recovered later. */
  readonly secret: string;
}

/**
 * Creates a key for a workspace and returns the secret; persist happens on the caller's flush.
 * `write` keys can only send data (`POST /v1/events`), so they may ship in web pages and apps.
 */
export function createApiKey(
  em: Em,
  workspace: Workspace,
  name: string,
  scope: ApiKeyScope = 'admin',
): CreatedApiKey {
  const secret = `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  const apiKey = em.create(ApiKey, {
    workspace,
    name,
    scope,
    prefix: secret.slice(0, 12),
    tokenHash: hashApiKey(secret),
  });
  return { apiKey, secret };
}

/** Reads the key out of an `Authorization: Bearer <key>` header value. */
export function bearerToken(header: string | undefined): string {
  if (header === undefined || header.trim() === '') {
    throw CairnError.unauthenticated('The Authorization header is missing.');
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) {
    throw CairnError.unauthenticated(
      'The Authorization header is not of the form "Bearer <api key>".',
    );
  }
  return match[1];
}

/**
 * Resolves the workspace of an API key. This is the one query that runs before a workspace is
 * known, so it bypasses the tenancy filter explicitly. A `write` key is refused unless `scopes`
 * allows it.
 */
export async function authenticate(
  em: Em,
  authorization: string | undefined,
  scopes: readonly ApiKeyScope[] = ['admin'],
): Promise<Workspace> {
  const secret = bearerToken(authorization);
  const tokenHash = hashApiKey(secret);
  const key = await em.findOne(
    ApiKey,
    { tokenHash, revokedAt: null },
    { filters: false, populate: ['workspace'] },
  );
  assertUsableKey(key?.scope, scopes);
  return key!.workspace;
}

/**
 * Refuses a key that was not found (`scope` undefined: unknown or revoked) or whose scope is not
 * among `scopes`. Shared by every way of looking a key up.
 */
export function assertUsableKey(
  scope: ApiKeyScope | undefined,
  scopes: readonly ApiKeyScope[],
): asserts scope is ApiKeyScope {
  if (scope === undefined) {
    throw CairnError.unauthenticated('The API key is not valid (unknown or revoked).');
  }
  if (!scopes.includes(scope)) {
    throw CairnError.forbidden(
      `This is a ${scope} key: it may only send data to POST /v1/events. Use an admin key for the GraphQL API.`,
    );
  }
}
