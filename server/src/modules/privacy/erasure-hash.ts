import { createHmac } from 'node:crypto';
import { identityKeyString, type IdentityKey } from '../identity/identity-key';

/** What a tombstone stands for: one identity of the erased person, or the erased profile's own id. */
export type TombstoneKey =
  IdentityKey | { readonly kind: 'customerId'; readonly source: ''; readonly value: string };

/**
 * The tombstone of one identifier of an erased person: HMAC-SHA256 under the workspace's erasure
 * key, so the table never holds the identifier and cannot be matched against another workspace's.
 */
export function erasureHash(workspaceErasureKey: string, key: TombstoneKey): string {
  return createHmac('sha256', workspaceErasureKey)
    .update(identityKeyString(key), 'utf8')
    .digest('hex');
}

export const customerIdKey = (customerId: string): TombstoneKey => ({
  kind: 'customerId',
  source: '',
  value: customerId,
});
