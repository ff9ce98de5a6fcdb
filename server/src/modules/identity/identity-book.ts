import { Customer, Identity, type Traits, type Workspace } from '../../db/entities';
import { insertStatement, type InsertPart } from '../../db/bulk-insert';
import { advisoryLockSet } from '../../db/advisory-lock';
import { isSqlite, runStatement, type DriverStatement } from '../../db/driver-sql';
import { newId } from '../../db/ids';
import type { Em } from '../../db/orm';
import { customerSearchText } from '../../db/search-text';
import { identityKeyString, type IdentityKey } from './identity-key';

/**
 * A profile as a batch sees it: a loaded `Customer` entity (the ORM tracks its changes), or a
 * profile this batch creates, a plain row written with one multi-row INSERT at the end.
 */
export interface Profile {
  readonly id: string;
  email: string | null;
  traits: Traits;
  timeZone: string | null;
  createdAt: Date;
}

interface NewIdentity extends IdentityKey {
  readonly id: string;
  customerId: string;
}

/** A stored profile's new primary email, in sorted id order (so concurrent batches lock alike). */
export type ProfileEmailRow = readonly [
  id: string,
  email: string,
  searchText: string,
  updatedAt: Date,
];

interface NewConsent {
  readonly id: string;
  customerId: string;
  readonly channel: string;
  readonly granted: boolean;
  readonly source: string | null;
  readonly recordedAt: Date;
}

/**
 * Who holds which identifier, for one ingested batch: loaded in two queries up front, then kept
 * in step as the batch creates profiles, attaches identities and merges, so later items of the
 * same batch see what earlier ones did. What the batch creates stays in memory until `write`.
 */
export class IdentityBook {
  /** Identity key → the id of the profile holding it. */
  private readonly holders = new Map<string, string>();
  private readonly profiles = new Map<string, Profile>();
  private readonly kindsOf = new Map<string, Set<IdentityKey['kind']>>();
  private readonly created = new Map<string, Profile>();
  private newIdentities: NewIdentity[] = [];
  private newConsent: NewConsent[] = [];
  /** Stored profiles given their first email by `attach` (see `takeStoredEmails`). */
  private readonly emailed = new Set<Customer>();
  /** Profiles merged away in this batch, and the profile that absorbed each. */
  private readonly mergedInto = new Map<string, string>();

  constructor(
    private readonly em: Em,
    private readonly workspace: Workspace,
  ) {}

  /**
   * Loads who holds `keys` not known yet (looked up by whole key, kind, source and value, so the
   * unique index serves each: one prepared statement, see {@link FIND_HOLDERS}) and, as entities,
   * the profiles named by `customerIds` and those holding one of `profileKeys` (the keys of
   * identify items: their profiles are read and changed). Events only need to know who holds a
   * key, so the other holders are not loaded. Two queries.
   */
  async load(
    keys: readonly IdentityKey[],
    customerIds: readonly string[],
    profileKeys: readonly IdentityKey[] = [],
  ): Promise<void> {
    const distinct = new Map<string, IdentityKey>();
    for (const key of keys) {
      const text = identityKeyString(key);
      if (!this.holders.has(text)) distinct.set(text, key);
    }
    if (distinct.size > 0) {
      const wanted = [...distinct.values()];
      const workspace = this.workspace.id;
      const { rows } = await runStatement<HolderRow>(
        this.em,
        FIND_HOLDERS,
        () => wanted.map((k) => [workspace, k.kind, k.source, k.value]),
        () => [workspace, ...keyColumns(wanted)],
      );
      for (const row of rows) this.holders.set(identityKeyString(row), row.customer_id);
    }
    const wanted = new Set(customerIds);
    for (const key of profileKeys) {
      const holder = this.holders.get(identityKeyString(key));
      if (holder && !this.profiles.has(holder)) wanted.add(holder);
    }
    for (const id of this.profiles.keys()) wanted.delete(id);
    if (wanted.size === 0) return;
    for (const c of await this.em.find(Customer, { id: { $in: [...wanted] } }))
      this.profiles.set(c.id, c);
  }

  /**
   * Before the batch creates `keys` (unheld when last read): on PostgreSQL takes the identity lock
   * on each (batches creating the same identifier take turns) and reads again who holds them (a
   * batch it waited for may have created some), in one round trip (`cairn_lock_identities`, see
   * {@link LOCK_AND_FIND_HOLDERS}); then loads the profiles holding one of `profileKeys`, as
   * `load` does. The locks are held until the transaction ends. Returns whether it locked. SQLite
   * has one writer at a time: nothing can appear in between, nothing to do (false).
   */
  async lockUnheld(
    keys: readonly IdentityKey[],
    profileKeys: readonly IdentityKey[],
  ): Promise<boolean> {
    if (keys.length === 0 || isSqlite(this.em)) return false;
    const distinct = [...new Map(keys.map((k) => [identityKeyString(k), k])).entries()];
    const workspace = this.workspace.id;
    const { space, hashes } = advisoryLockSet(
      'identities',
      distinct.map(([text]) => `${workspace}\u0000${text}`),
    );
    const { rows } = await runStatement<HolderRow & Record<string, unknown>>(
      this.em,
      LOCK_AND_FIND_HOLDERS,
      () => [],
      () => [space, hashes, workspace, ...keyColumns(distinct.map(([, key]) => key))],
    );
    for (const { kind, source, value, customer_id, ...customer } of rows) {
      this.holders.set(identityKeyString({ kind, source, value }), customer_id);
      // The batch it waited for created these: an item naming one of them a new way attaches to
      // its profile, read here rather than in a round trip of its own while the locks are held.
      if (!this.profiles.has(customer_id))
        this.profiles.set(customer_id, this.em.map(Customer, customer));
    }
    await this.load([], [], profileKeys);
    return true;
  }

  /** The keys no profile holds yet (the batch would create them). */
  unheld(keys: readonly IdentityKey[]): IdentityKey[] {
    return keys.filter((key) => !this.holders.has(identityKeyString(key)));
  }

  /** Loads which kinds of identity each stored profile holds (anonymous or known), in one query. */
  async loadKinds(customerIds: readonly string[]): Promise<void> {
    const missing = customerIds.filter((id) => !this.kindsOf.has(id));
    if (missing.length === 0) return;
    for (const id of missing) this.kindsOf.set(id, new Set());
    const rows = await this.em.find(
      Identity,
      { customer: { $in: missing } },
      { fields: ['kind', 'customer'] },
    );
    for (const row of rows) this.kindsOf.get(row.customer.id)?.add(row.kind);
  }

  /** Known profiles hold an identity other than an anonymous id (or none at all: made by hand). */
  isAnonymous(customerId: string): boolean {
    const kinds = this.kindsOf.get(customerId);
    return kinds !== undefined && kinds.size > 0 && [...kinds].every((k) => k === 'anonymousId');
  }

  /** The id of the profile holding `key`. */
  holderOf(key: IdentityKey): string | undefined {
    return this.holders.get(identityKeyString(key));
  }

  /** The profile holding `key`; it must be among those loaded (see `load`'s `profileKeys`). */
  ownerOf(key: IdentityKey): Profile | undefined {
    const id = this.holders.get(identityKeyString(key));
    if (id === undefined) return undefined;
    const profile = this.profiles.get(id);
    if (!profile) throw new Error(`the profile holding ${key.kind} ${key.source} was not loaded`);
    return profile;
  }

  profile(id: string): Profile | undefined {
    return this.profiles.get(id);
  }

  /** The profile with this id, loading it when the batch has not yet (one query). */
  async need(id: string): Promise<Profile | undefined> {
    if (!this.profiles.has(id)) {
      const customer = await this.em.findOne(Customer, { id });
      if (customer) this.profiles.set(id, customer);
    }
    return this.profiles.get(id);
  }

  /** Whether the profile is stored (else it was created by this batch and is not written yet). */
  isStored(profile: Profile): boolean {
    return !this.created.has(profile.id);
  }

  /** The profile that now stands for `id` (itself, or the one it was merged into). */
  current(id: string): string {
    let at = id;
    while (this.mergedInto.has(at)) at = this.mergedInto.get(at)!;
    return at;
  }

  /** A new, empty profile, written by `write`. */
  createProfile(occurredAt: Date): Profile {
    const profile: Profile = {
      id: newId(),
      email: null,
      traits: {},
      timeZone: null,
      createdAt: occurredAt,
    };
    this.profiles.set(profile.id, profile);
    this.created.set(profile.id, profile);
    this.kindsOf.set(profile.id, new Set());
    return profile;
  }

  /**
   * Gives `key` to `profile` (it must be unheld); the first email becomes the primary one.
   * Returns true when it did (the profile's own fields changed: rules reading `email` care).
   */
  attach(profile: Profile, key: IdentityKey): boolean {
    this.newIdentities.push({
      id: newId(),
      customerId: profile.id,
      kind: key.kind,
      source: key.source,
      value: key.value,
    });
    this.holders.set(identityKeyString(key), profile.id);
    this.kindsOf.get(profile.id)?.add(key.kind);
    if (key.kind !== 'email' || profile.email) return false;
    profile.email = key.value;
    if (profile instanceof Customer) this.emailed.add(profile);
    return true;
  }

  /**
   * The stored profiles that `attach` gave their first email, as rows for `writeEvents` (which
   * writes them in the events' statement, rather than the ORM's flush in a round trip of its own
   * while the identity locks are held); their search text and update time are set as the entity's
   * hooks would, and the ORM is told the entity now matches its row, so the flush leaves it. Take
   * them only when nothing else changed those entities (a batch without identify items: tracking
   * changes a stored profile only by attaching identifiers); else the flush writes everything.
   */
  takeStoredEmails(now: Date): ProfileEmailRow[] {
    const rows = [...this.emailed]
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((customer): ProfileEmailRow => {
        customer.refreshSearchText();
        customer.updatedAt = now;
        this.em.getUnitOfWork().merge(customer);
        return [customer.id, customer.email!, customer.searchText, now];
      });
    this.emailed.clear();
    return rows;
  }

  /** An appended consent record, written by `write`. */
  consent(profile: Profile, change: Omit<NewConsent, 'id' | 'customerId'>): void {
    this.newConsent.push({ id: newId(), customerId: profile.id, ...change });
  }

  /**
   * After a merge: everything `loser` held, stored or pending, now belongs to `survivor`; a loser
   * created by this batch is never written. Returns how many pending identities and consent
   * records moved.
   */
  moved(loser: Profile, survivor: Profile): { identities: NewIdentity[]; consent: number } {
    for (const [key, holder] of this.holders)
      if (holder === loser.id) this.holders.set(key, survivor.id);
    const identities = this.newIdentities.filter((i) => i.customerId === loser.id);
    for (const i of identities) i.customerId = survivor.id;
    const consent = this.newConsent.filter((c) => c.customerId === loser.id);
    for (const c of consent) c.customerId = survivor.id;
    const kinds = this.kindsOf.get(survivor.id);
    for (const kind of this.kindsOf.get(loser.id) ?? []) kinds?.add(kind);
    this.profiles.delete(loser.id);
    this.created.delete(loser.id);
    if (loser instanceof Customer) this.emailed.delete(loser);
    this.kindsOf.delete(loser.id);
    this.mergedInto.set(loser.id, survivor.id);
    return { identities, consent: consent.length };
  }

  /**
   * The new profiles, their identities and the consent records as rows to insert, in that order
   * (hand them to `writeEvents`, which writes them with the events, or to `insertTogether`); the
   * book forgets them.
   */
  takeRows(now: Date): InsertPart[] {
    const workspace = this.workspace.id;
    const customers = [...this.created.values()].map((p) => [
      p.id,
      workspace,
      p.email,
      JSON.stringify(p.traits),
      p.timeZone,
      p.createdAt,
      now,
      customerSearchText(p.email, p.traits),
    ]);
    const identities = this.newIdentities.map((i) => [
      i.id,
      workspace,
      i.customerId,
      i.kind,
      i.source,
      i.value,
      now,
    ]);
    const consent = this.newConsent.map((c) => [
      c.id,
      workspace,
      c.customerId,
      c.channel,
      c.granted,
      c.source,
      c.recordedAt,
    ]);
    this.created.clear();
    this.newIdentities = [];
    this.newConsent = [];
    return [
      { statement: INSERT_CUSTOMER, rows: customers },
      { statement: INSERT_IDENTITY, rows: identities },
      { statement: INSERT_CONSENT, rows: consent },
    ];
  }
}

/** Who holds each identifier: one index seek per key (SQLite: per run; PostgreSQL: a join). */
const FIND_HOLDERS: DriverStatement = {
  sqlite: `select "kind", "source", "value", "customer_id" from "identities"
    where "workspace_id" = ? and "kind" = ? and "source" = ? and "value" = ?`,
  postgres: `select i."kind", i."source", i."value", i."customer_id"
    from unnest($2::varchar[], $3::varchar[], $4::varchar[]) as k("kind", "source", "value")
    join "identities" i on i."workspace_id" = $1 and i."kind" = k."kind"
      and i."source" = k."source" and i."value" = k."value"`,
};

/**
 * PostgreSQL: the identity locks (`$2`, sorted hashes in the space `$1`), then who holds the keys
 * (`$4`…`$6`) and the holders' rows (every column of `customers`), read after the locks are
 * granted with a snapshot of its own (a plain statement's would predate them, and so would a join
 * here): see the `identity_locks` migration. Never run on SQLite.
 */
const LOCK_AND_FIND_HOLDERS: DriverStatement = {
  sqlite: '',
  postgres: `select h."kind", h."source", h."value", h."customer_id", (h."customer").*
    from cairn_lock_identities($1::int, $2::int[], $3::varchar, $4::varchar[], $5::varchar[], $6::varchar[]) as h`,
};

interface HolderRow extends IdentityKey {
  readonly customer_id: string;
}

/** The keys as three arrays (kinds, sources, values), the statements' `unnest` parameters. */
function keyColumns(keys: readonly IdentityKey[]): [string[], string[], string[]] {
  return [keys.map((k) => k.kind), keys.map((k) => k.source), keys.map((k) => k.value)];
}

const INSERT_CUSTOMER = insertStatement({
  table: 'customers',
  columns: [
    ['id', 'varchar'],
    ['workspace_id', 'varchar'],
    ['email', 'varchar'],
    ['traits', 'jsonb'],
    ['time_zone', 'varchar'],
    ['created_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
    ['search_text', 'text'],
  ],
});

const INSERT_IDENTITY = insertStatement({
  table: 'identities',
  columns: [
    ['id', 'varchar'],
    ['workspace_id', 'varchar'],
    ['customer_id', 'varchar'],
    ['kind', 'varchar'],
    ['source', 'varchar'],
    ['value', 'varchar'],
    ['created_at', 'timestamptz'],
  ],
});

const INSERT_CONSENT = insertStatement({
  table: 'consent_records',
  columns: [
    ['id', 'varchar'],
    ['workspace_id', 'varchar'],
    ['customer_id', 'varchar'],
    ['channel', 'varchar'],
    ['granted', 'boolean'],
    ['source', 'varchar'],
    ['recorded_at', 'timestamptz'],
  ],
});
