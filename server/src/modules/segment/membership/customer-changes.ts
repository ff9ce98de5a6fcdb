import type { DataChange } from '@cairn/schema';

/** Collects what changed per customer while a batch is written, for `updateMemberships`. */
export class CustomerChanges {
  readonly byCustomer = new Map<string, DataChange[] | 'all'>();

  /** A new or merged profile, or a change any rule may read: evaluate every segment. */
  all(customerId: string): void {
    this.byCustomer.set(customerId, 'all');
  }

  add(customerId: string, change: DataChange): void {
    const known = this.byCustomer.get(customerId);
    if (known === 'all') return;
    if (known) known.push(change);
    else this.byCustomer.set(customerId, [change]);
  }
}
