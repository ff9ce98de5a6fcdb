import { Customer, Identity, type Workspace } from '../../db/entities';
import type { Em } from '../../db/orm';
import { identityKeyString, type IdentityKey } from './identity-key';

/**
 * Who holds which identifier, for one ingested batch: loaded in two queries up front, then kept
 * in step as the batch creates profiles, attaches identities and merges, so later items of the
 * same batch see what earlier ones did.
 */
export class IdentityBook {
  private readonly owners = new Map<string, Customer>();
  private readonly customers = new Map<string, Customer>();
  private readonly kindsOf = new Map<string, Set<IdentityKey['kind']>>();

  constructor(
    private readonly em: Em,
    private readonly workspace: Workspace,
  ) {}

  /** Loads the holders of `keys` and the profiles named by `customerIds`. */
  async load(keys: readonly IdentityKey[], customerIds: readonly string[]): Promise<void> {
    const values = [...new Set(keys.map((k) => k.value))];
    const wanted = new Set(keys.map(identityKeyString));
    const [identities, customers] = await Promise.all([
      values.length === 0
        ? []
        : this.em.find(Identity, { value: { $in: values } }, { populate: ['customer'] }),
      customerIds.length === 0
        ? []
        : this.em.find(Customer, { id: { $in: [...new Set(customerIds)] } }),
    ]);
    for (const c of customers) this.customers.set(c.id, c);
    for (const identity of identities) {
      const key = identityKeyString(identity);
      if (!wanted.has(key)) continue;
      this.owners.set(key, identity.customer);
      this.customers.set(identity.customer.id, identity.customer);
    }
  }

  /**
   * Loads which kinds of identity each profile holds (to tell anonymous profiles from known ones
   * before a merge). One query, for the profiles not asked about before.
   */
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

  ownerOf(key: IdentityKey): Customer | undefined {
    return this.owners.get(identityKeyString(key));
  }

  customer(id: string): Customer | undefined {
    return this.customers.get(id);
  }

  /** A new, empty profile (written at the next flush). */
  createCustomer(occurredAt: Date): Customer {
    const customer = this.em.create(Customer, {
      workspace: this.workspace,
      createdAt: occurredAt,
      updatedAt: occurredAt,
    });
    this.customers.set(customer.id, customer);
    this.kindsOf.set(customer.id, new Set());
    return customer;
  }

  /** Gives `key` to `customer` (it must be unheld); the first email becomes the primary one. */
  attach(customer: Customer, key: IdentityKey): void {
    this.em.create(Identity, {
      workspace: this.workspace,
      customer,
      kind: key.kind,
      source: key.source,
      value: key.value,
    });
    this.owners.set(identityKeyString(key), customer);
    this.kindsOf.get(customer.id)?.add(key.kind);
    if (key.kind === 'email' && !customer.email) customer.email = key.value;
  }

  /** After a merge: everything `loser` held now belongs to `survivor`. */
  moved(loser: Customer, survivor: Customer): void {
    for (const [key, owner] of this.owners) if (owner === loser) this.owners.set(key, survivor);
    const kinds = this.kindsOf.get(survivor.id);
    for (const kind of this.kindsOf.get(loser.id) ?? []) kinds?.add(kind);
    this.customers.delete(loser.id);
    this.kindsOf.delete(loser.id);
  }
}
