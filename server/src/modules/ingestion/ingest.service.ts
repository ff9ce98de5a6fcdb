import { DeadlockException, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { InsertPart } from '../../db/bulk-insert';
import type { Problem } from '@cairn/schema';
import type { Workspace } from '../../db/entities';
import { newId } from '../../db/ids';
import type { Em } from '../../db/orm';
import { CairnError } from '../../errors/cairn-error';
import { CatalogObservations } from '../catalog/observe';
import { recordCatalog } from '../catalog/catalog.store';
import { CustomerChanges } from '../segment/membership/customer-changes';
import { updateMemberships } from '../segment/membership/segment-updater';
import { journeysOnEvents, type IngestedEvent } from '../journey/runtime/on-events';
import { afterIngestedBatch } from '../scoring/after-batch';
import { IdentityBook } from '../identity/identity-book';
import { mergeProfiles } from '../identity/customer-merge';
import type { Profile, ProfileEmailRow } from '../identity/identity-book';
import { IDENTITY_PRECEDENCE } from '../identity/identity-key';
import { withoutErased } from './erased-items';
import { workspaceActivity, type WorkspaceActivity } from './workspace-activity';
import { isSqlite } from '../../db/driver-sql';
import { writeEvents, type EventRow, type OrderRow } from './event-writer';
import { readItem, type IdentifyItem, type IngestItem, type TrackItem } from './ingest-item';
import { mergeTraits, sameJson, MAX_BATCH } from './payload';
import { writeTransaction } from '../../db/write-transaction';

/** What happened to one item. */
export type IngestOutcome =
  | {
      readonly index: number;
      readonly status: 'ACCEPTED';
      readonly customerId: string;
      readonly profile: 'CREATED' | 'UPDATED' | 'MERGED' | 'UNCHANGED';
      readonly mergedCustomerIds: readonly string[];
      readonly messageId: string | null;
    }
  | { readonly index: number; readonly status: 'DUPLICATE'; readonly messageId: string }
  | { readonly index: number; readonly status: 'REJECTED'; readonly problems: readonly Problem[] };

export interface IngestOptions {
  /** The type of items without a `type` field. */
  readonly defaultType?: IngestItem['type'];
  /** Recorded on merges: where the batch came from (e.g. "POST /v1/events", "csv import"). */
  readonly source: string;
  /** The workspace's activity when the caller read it already (with the API key); else read here. */
  readonly activity?: WorkspaceActivity;
}

const MAX_ATTEMPTS = 4;

/**
 * Ingests a batch of track and identify items for one workspace: one result per item, in order.
 * Invalid items, items naming erased people and identity conflicts are rejected with a coded
 * problem at the offending field and never stop the others. Everything valid is written in one
 * transaction; when a concurrent batch claimed the same new identity first, the transaction is
 * run again and then finds it.
 */
export class IngestService {
  constructor(
    private readonly em: Em,
    private readonly workspace: Workspace,
    /** The receiving time of a batch (tests of time-based segments drive their own clock). */
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async ingest(raw: readonly unknown[], options: IngestOptions): Promise<IngestOutcome[]> {
    if (raw.length > MAX_BATCH) {
      throw new CairnError(
        'BATCH_TOO_LARGE',
        `A batch holds at most ${MAX_BATCH} items (got ${raw.length}); split it.`,
        [],
      );
    }
    const now = this.clock();
    const outcomes: IngestOutcome[] = [];
    const items: IngestItem[] = [];
    raw.forEach((value, index) => {
      const read = readItem(value, index, now, options.defaultType);
      if (read.ok) items.push(read.item);
      else outcomes[index] = { index, status: 'REJECTED', problems: read.problems };
    });
    if (items.length === 0) return outcomes;
    const activity = options.activity ?? (await workspaceActivity(this.em, this.workspace.id));
    const live = activity.tombstones
      ? await withoutErased(this.em, this.workspace, items, outcomes)
      : items;
    for (let attempt = 1; ; attempt++) {
      try {
        const written = await writeTransaction(this.em, async (tx) =>
          new BatchWriter(
            tx,
            this.workspace,
            now,
            options.source,
            // SQLite has one writer: read again inside the write transaction (microseconds, no
            // round trip), so a segment, journey or model saved just before is never missed.
            isSqlite(tx) ? await workspaceActivity(tx, this.workspace.id) : activity,
          ).write(live),
        );
        for (const outcome of written) outcomes[outcome.index] = outcome;
        return outcomes;
      } catch (error) {
        if (!retryable(error) || attempt === MAX_ATTEMPTS) throw error;
        this.em.clear();
      }
    }
  }
}

/** One attempt at writing a batch, inside a transaction. */
class BatchWriter {
  private readonly book: IdentityBook;
  private readonly catalog = new CatalogObservations();
  private readonly changes = new CustomerChanges();
  /** The events this batch stored (not the replays): journeys react to them. */
  private readonly stored: IngestedEvent[] = [];

  constructor(
    private readonly em: Em,
    private readonly workspace: Workspace,
    private readonly now: Date,
    private readonly source: string,
    private readonly activity: WorkspaceActivity,
  ) {
    this.book = new IdentityBook(em, workspace);
  }

  async write(items: readonly IngestItem[]): Promise<IngestOutcome[]> {
    const keys = items.flatMap((i) => i.identities.keys.map((l) => l.key));
    const profileKeys = items.flatMap((i) =>
      i.type === 'identify' ? i.identities.keys.map((l) => l.key) : [],
    );
    await this.book.load(keys, []);
    // The profiles the batch reads and changes, in one query: those named by id, those holding an
    // identify item's keys, and those an event names a new way (its new identifiers attach to
    // it). Read before the identity locks: they are held until the commit, so everything that can
    // happen before them does.
    await this.book.load(
      [],
      items.flatMap((i) =>
        i.identities.customerId ? [i.identities.customerId] : this.attachingTo(i),
      ),
      profileKeys,
    );
    // New identities: batches creating the same identifier take turns (PostgreSQL: a lock per
    // identifier) and look again once they hold the locks, in case the batch before created it.
    if (await this.book.lockUnheld(this.book.unheld(keys), profileKeys)) {
      // An identifier the batch before created may name a profile not read yet (rarely).
      await this.book.load(
        [],
        items.flatMap((item) => this.attachingTo(item)),
      );
    }
    const outcomes: IngestOutcome[] = [];
    const tracked: Array<{ item: TrackItem; customerId: string; created: boolean }> = [];
    for (const item of items) {
      if (item.type === 'track') {
        const resolved = await this.resolveTrack(item);
        if ('problem' in resolved) outcomes.push(reject(item, resolved.problem));
        else tracked.push({ item, ...resolved });
      } else {
        outcomes.push(await this.identify(item));
      }
    }
    // New profiles and identities go in the events' statement, and so, when only events changed
    // them, do stored profiles' new emails; the ORM's changes (stored profiles' fields, merge
    // records) follow: none of them is referenced by a new row, and an update of a profile's
    // fields never waits on the events' foreign-key locks.
    const emails = items.every((item) => item.type === 'track')
      ? this.book.takeStoredEmails(this.now)
      : [];
    outcomes.push(...(await this.insertEvents(tracked, this.book.takeRows(this.now), emails)));
    await this.em.flush();
    // Locks in one order everywhere (identities, customers, catalog) so transactions never deadlock.
    // Each hook only when the workspace has something it would find (each "any?" was a query).
    if (this.activity.segments)
      await updateMemberships(this.em, this.workspace, this.changes.byCustomer, this.now, 'data');
    if (this.activity.journeys)
      await journeysOnEvents(this.em, this.workspace, this.stored, this.now);
    await afterIngestedBatch(this.em, this.workspace, {
      changed: this.changes.byCustomer,
      stored: this.stored,
      now: this.now,
      scoring: this.activity.scoringModels,
    });
    await recordCatalog(this.em, this.workspace.id, this.catalog);
    return outcomes;
  }

  /** The profile an event belongs to: named by id, else held by its strongest identifier, else new. */
  private async resolveTrack(
    item: TrackItem,
  ): Promise<{ customerId: string; created: boolean } | { problem: Problem }> {
    const found = this.target(item);
    if ('problem' in found) return found;
    const unheld = item.identities.keys.filter((l) => !this.book.holderOf(l.key));
    if (found.customerId && unheld.length === 0)
      return { customerId: found.customerId, created: false };
    // New identifiers for the profile: its row is read (rarely: an event naming it a new way).
    const customer = found.customerId
      ? await this.book.need(found.customerId)
      : this.book.createProfile(item.occurredAt);
    if (!customer) throw new Error(`profile ${found.customerId} vanished during the batch`);
    for (const { key } of unheld) {
      if (this.book.attach(customer, key)) this.changes.add(customer.id, { kind: 'identity' });
    }
    return { customerId: customer.id, created: !found.customerId };
  }

  /** The stored profile a track item gives new identifiers to, if any (read before the items). */
  private attachingTo(item: IngestItem): string[] {
    if (item.type !== 'track') return [];
    const found = this.target(item);
    if ('problem' in found || !found.customerId || this.book.profile(found.customerId)) return [];
    return item.identities.keys.some((l) => !this.book.holderOf(l.key)) ? [found.customerId] : [];
  }

  /** Who an item names: the profile it gives by id, else the holder of its strongest identifier. */
  private target(item: IngestItem): { customerId: string | undefined } | { problem: Problem } {
    const { customerId, keys } = item.identities;
    if (customerId) {
      if (this.book.profile(customerId)) return { customerId };
      return {
        problem: {
          code: 'NOT_FOUND',
          path: [item.index, 'customerId'],
          message: `No customer with id "${customerId}" in this workspace; omit customerId to create one.`,
        },
      };
    }
    const strongest = [...keys].sort(
      (a, b) => IDENTITY_PRECEDENCE.indexOf(a.key.kind) - IDENTITY_PRECEDENCE.indexOf(b.key.kind),
    );
    for (const { key } of strongest) {
      const holder = this.book.holderOf(key);
      if (holder) return { customerId: holder };
    }
    return { customerId: undefined };
  }

  /**
   * Creates or updates the profile the identities name. When they name several profiles, the
   * anonymous ones merge into the one known profile (or, all anonymous, into the one named by id or
   * the oldest). Two known profiles are a conflict: nothing changes and the item is rejected.
   */
  private async identify(item: IdentifyItem): Promise<IngestOutcome> {
    const target = this.target(item);
    if ('problem' in target) return reject(item, target.problem);
    const found = {
      customer: target.customerId ? this.book.profile(target.customerId) : undefined,
    };
    const owners = new Map<string, Profile>();
    if (found.customer) owners.set(found.customer.id, found.customer);
    for (const { key } of item.identities.keys) {
      const owner = this.book.ownerOf(key);
      if (owner) owners.set(owner.id, owner);
    }
    let customer = found.customer;
    const merged: string[] = [];
    if (owners.size > 1) {
      await this.book.loadKinds([...owners.keys()]);
      const known = [...owners.values()].filter((c) => !this.book.isAnonymous(c.id));
      if (known.length > 1) {
        const second = item.identities.keys.find((l) => this.book.ownerOf(l.key) === known[1]);
        return reject(item, {
          code: 'IDENTITY_CONFLICT',
          path: second?.path ?? [item.index],
          message: `This identifier belongs to customer ${known[1]!.id}, the others to customer ${known[0]!.id}; known profiles are never merged automatically.`,
        });
      }
      const survivor =
        found.customer && (known.length === 0 || known[0] === found.customer)
          ? found.customer
          : (known[0] ?? oldest([...owners.values()]));
      for (const loser of owners.values()) {
        if (loser === survivor) continue;
        await mergeProfiles(
          this.em,
          this.workspace,
          this.book,
          survivor,
          loser,
          `identify via ${this.source} at ${this.now.toISOString()}`,
        );
        merged.push(loser.id);
      }
      customer = survivor;
    }
    const created = !customer;
    customer ??= this.book.createProfile(item.occurredAt);
    let changed = created || merged.length > 0;
    if (changed) this.changes.all(customer.id);
    for (const { key } of item.identities.keys) {
      if (this.book.ownerOf(key)) continue;
      if (this.book.attach(customer, key)) this.changes.add(customer.id, { kind: 'identity' });
      changed = true;
    }
    const email = item.identities.keys.find((l) => l.key.kind === 'email')?.key.value;
    if (email && customer.email !== email) {
      customer.email = email;
      this.changes.add(customer.id, { kind: 'identity' });
      changed = true;
    }
    const traits = mergeTraits(customer.traits, item.traits);
    if (!sameJson(traits, customer.traits)) {
      customer.traits = traits;
      this.changes.add(customer.id, { kind: 'traits', paths: Object.keys(item.traits) });
      changed = true;
    }
    if (item.timeZone !== undefined && item.timeZone !== customer.timeZone) {
      customer.timeZone = item.timeZone;
      this.changes.all(customer.id);
      changed = true;
    }
    for (const c of item.consent) {
      this.book.consent(customer, {
        channel: c.channel,
        granted: c.granted,
        source: c.source,
        recordedAt: c.recordedAt,
      });
      this.changes.add(customer.id, { kind: 'consent', channel: c.channel });
      changed = true;
    }
    this.catalog.trait(item.traits, item.occurredAt);
    return {
      index: item.index,
      status: 'ACCEPTED',
      customerId: customer.id,
      profile: created
        ? 'CREATED'
        : merged.length > 0
          ? 'MERGED'
          : changed
            ? 'UPDATED'
            : 'UNCHANGED',
      mergedCustomerIds: merged,
      messageId: null,
    };
  }

  /**
   * Writes the events (a replayed messageId is skipped by the unique index and reported as a
   * duplicate, as is a repeat within the batch) and the orders of new `Order Completed` events.
   */
  private async insertEvents(
    tracked: ReadonlyArray<{ item: TrackItem; customerId: string; created: boolean }>,
    profiles: readonly InsertPart[],
    emails: readonly ProfileEmailRow[],
  ): Promise<IngestOutcome[]> {
    const firstOf = new Map<string, (typeof tracked)[number]>();
    for (const t of tracked) if (!firstOf.has(t.item.messageId)) firstOf.set(t.item.messageId, t);
    // In messageId order: concurrent batches replaying the same events lock them in the same order.
    const firsts = [...firstOf.values()].sort((a, b) =>
      a.item.messageId < b.item.messageId ? -1 : a.item.messageId > b.item.messageId ? 1 : 0,
    );
    const rows = firsts.map(({ item, customerId }): EventRow => [
      newId(),
      this.workspace.id,
      this.book.current(customerId),
      item.name,
      JSON.stringify(item.properties),
      item.occurredAt,
      this.now,
      item.messageId,
    ]);
    // In item order: of two events giving one orderId, the first one's order is kept.
    const orders = tracked.flatMap((t): OrderRow[] => {
      const { item, customerId } = t;
      if (!item.order || firstOf.get(item.messageId) !== t) return [];
      const { orderId, amount, currency, items, cost } = item.order;
      const row = [
        newId(),
        this.workspace.id,
        this.book.current(customerId),
        orderId,
        amount,
        currency,
        JSON.stringify(items),
        item.occurredAt,
        this.now,
        cost,
      ];
      return [{ messageId: item.messageId, row }];
    });
    const inserted = await writeEvents(this.em, rows, orders, profiles, emails);
    const outcomes: IngestOutcome[] = [];
    for (const t of tracked) {
      const { item, created } = t;
      // The profile may have been merged into another by a later item of the batch.
      const customer = { id: this.book.current(t.customerId) };
      if (firstOf.get(item.messageId) !== t || !inserted.has(item.messageId)) {
        outcomes.push({ index: item.index, status: 'DUPLICATE', messageId: item.messageId });
        continue;
      }
      this.catalog.event(item.name, item.properties, item.occurredAt);
      this.stored.push({
        customerId: customer.id,
        name: item.name,
        properties: item.properties,
        occurredAt: item.occurredAt.getTime(),
      });
      if (created) this.changes.all(customer.id);
      else this.changes.add(customer.id, { kind: 'event', name: item.name });
      outcomes.push({
        index: item.index,
        status: 'ACCEPTED',
        customerId: customer.id,
        profile: created ? 'CREATED' : 'UNCHANGED',
        mergedCustomerIds: [],
        messageId: item.messageId,
      });
    }
    return outcomes;
  }
}

function reject(item: IngestItem, problem: Problem): IngestOutcome {
  return { index: item.index, status: 'REJECTED', problems: [problem] };
}

/** A race with a concurrent batch: running the transaction again resolves it. */
function retryable(error: unknown): boolean {
  return error instanceof UniqueConstraintViolationException || error instanceof DeadlockException;
}

function oldest(customers: Profile[]): Profile {
  return customers.reduce((a, b) => (b.createdAt < a.createdAt ? b : a));
}
