import { errorCatalog } from '@cairn/schema';
import {
  ConsentRecord,
  Customer,
  CustomerMerge,
  Event,
  Identity,
  Order,
  ScoreEntry,
  SegmentMembership,
  type IdentityKind,
  type Workspace,
} from '../../db/entities';
import type { Em } from '../../db/orm';
import { CairnError } from '../../errors/cairn-error';
import { identityKeyString, normalizeEmail } from '../identity/identity-key';
import { PersonalValues, scrubCatalog } from './catalog-scrub';
import { buildCustomerExport, type CustomerExport } from './customer-export';
import { customerIdKey, type TombstoneKey } from './erasure-hash';
import { plainRow, plainRowPages, plainRows, type PlainRow } from './plain-rows';
import { writeTombstones } from './tombstones';
import { readTogether } from '../../db/read-together';
import { writeTransaction } from '../../db/write-transaction';

/** What an erasure removed, table by table. */
export interface ErasureCounts {
  readonly identities: number;
  readonly events: number;
  readonly orders: number;
  readonly consentRecords: number;
  readonly scoreEntries: number;
  readonly segmentMemberships: number;
  readonly merges: number;
  /** Sample values removed from the catalog of traits and event properties. */
  readonly catalogExamples: number;
  /** Hashed tombstones that now stand for the person (identities and profile ids). */
  readonly tombstones: number;
}

function customerNotFound(id: string): CairnError {
  return new CairnError(
    'NOT_FOUND',
    `id: no customer with id "${id}" in this workspace. ${errorCatalog.NOT_FOUND.fix}`,
    ['id'],
  );
}

type MovedIdentity = { kind: string; source: string; value: string };

/** The identities a merge record says moved to the survivor (`CustomerMerge.moved`). */
function movedIdentities(merge: PlainRow): readonly MovedIdentity[] {
  const moved = merge['moved'] as { identities?: readonly MovedIdentity[] } | null;
  return Array.isArray(moved?.identities) ? moved.identities : [];
}

/**
 * GDPR/CCPA requests about one person: the export of everything held about them, and their
 * erasure. Takes the (workspace-scoped) entity manager it is given.
 */
export class PrivacyService {
  constructor(
    private readonly em: Em,
    private readonly workspace: Workspace,
  ) {}

  /** Everything held about a customer as one JSON document; NOT_FOUND for an unknown id. */
  async exportCustomerData(id: string): Promise<CustomerExport> {
    const profile = await plainRow(this.em, Customer, { id, workspace: this.workspace.id });
    if (!profile) throw customerNotFound(id);
    return buildCustomerExport(this.em, this.workspace.id, profile);
  }

  /**
   * Erases a customer in one transaction: tombstones for every identifier of the person (so a
   * replayed event or import cannot bring them back), then their events, orders, consent records,
   * identities, scores, memberships, merge records and profile, and their values in the catalog's
   * examples. NOT_FOUND for an unknown id.
   */
  eraseCustomer(id: string): Promise<ErasureCounts> {
    return writeTransaction(this.em, async (em) => {
      const workspace = this.workspace.id;
      const profile = await plainRow(em, Customer, { id, workspace }, { lock: true });
      if (!profile) throw customerNotFound(id);
      const own = { workspace, customer: id };
      const [identities, merges] = await readTogether(em, [
        () => plainRows(em, Identity, own, 'createdAt'),
        () => plainRows(em, CustomerMerge, { workspace, survivor: id }, 'mergedAt'),
      ]);

      const values = new PersonalValues();
      values.add([profile['email'], profile['traits']]);
      for (const row of identities) values.add(row['value']);
      for (const row of merges)
        values.add([row['mergedTraits'], movedIdentities(row).map((i) => i.value)]);
      for await (const page of plainRowPages(em, Event, own, 'occurredAt'))
        for (const row of page) values.add(row['properties']);

      const keys = await this.tombstoneKeys(em, id, profile, identities, merges);
      const tombstones = await writeTombstones(em, this.workspace, keys);

      const events = await em.nativeDelete(Event, own);
      const orders = await em.nativeDelete(Order, own);
      const consentRecords = await em.nativeDelete(ConsentRecord, own);
      const identityCount = await em.nativeDelete(Identity, own);
      const scoreEntries = await em.nativeDelete(ScoreEntry, own);
      const segmentMemberships = await em.nativeDelete(SegmentMembership, own);
      const mergeCount = await em.nativeDelete(CustomerMerge, { workspace, survivor: id });
      await em.nativeDelete(Customer, { workspace, id });
      const catalogExamples = await scrubCatalog(em, workspace, values);
      return {
        identities: identityCount,
        events,
        orders,
        consentRecords,
        scoreEntries,
        segmentMemberships,
        merges: mergeCount,
        catalogExamples,
        tombstones,
      };
    });
  }

  /**
   * The identifiers to tombstone: the profile id, the ids of profiles merged into it, its
   * identities, and those it may have held without an identity row (the denormalized email, the
   * identities recorded as moved by a merge) unless another profile holds them now.
   */
  private async tombstoneKeys(
    em: Em,
    id: string,
    profile: PlainRow,
    identities: readonly PlainRow[],
    merges: readonly PlainRow[],
  ): Promise<TombstoneKey[]> {
    const asKey = (r: Readonly<Record<string, unknown>>) => ({
      kind: String(r['kind']) as IdentityKind,
      source: String(r['source'] ?? ''),
      value: String(r['value']),
    });
    const own = identities.map(asKey);
    const held = new Set(own.map(identityKeyString));
    const email = profile['email'];
    const candidates = [
      ...(typeof email === 'string' && email !== ''
        ? [{ kind: 'email' as const, source: '', value: normalizeEmail(email) }]
        : []),
      ...merges.flatMap((m) => movedIdentities(m).map(asKey)),
    ].filter((key) => !held.has(identityKeyString(key)));
    const others =
      candidates.length === 0
        ? []
        : await em.find(
            Identity,
            {
              workspace: this.workspace.id,
              customer: { $ne: id },
              $or: candidates.map(({ kind, source, value }) => ({ kind, source, value })),
            },
            { fields: ['kind', 'source', 'value'] },
          );
    const elsewhere = new Set(others.map(identityKeyString));
    return [
      customerIdKey(id),
      ...merges.map((m) => customerIdKey(String(m['mergedId']))),
      ...own,
      ...candidates.filter((key) => !elsewhere.has(identityKeyString(key))),
    ];
  }
}
