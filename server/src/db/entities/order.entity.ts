import {
  DateTimeType,
  DecimalType,
  Entity,
  Index,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  Property,
  Unique,
} from '@mikro-orm/core';
import { newId } from '../ids';
import { Customer } from './customer.entity';
import { Workspace } from './workspace.entity';

/** One line of an order. */
export interface OrderItem {
  readonly productId: string;
  readonly name?: string;
  readonly quantity: number;
  readonly price: number;
  /** Cost of goods of one unit, when the shop sends it. */
  readonly cost?: number;
}

/**
 * A purchase, recorded from an `Order Completed` event (see `modules/ingestion/order-event.ts`).
 * `orderId` is the shop's id, unique per workspace, so a replayed order is stored once.
 */
@Entity({ tableName: 'orders' })
@Unique({ properties: ['workspace', 'orderId'] })
@Index({ properties: ['customer', 'occurredAt'] })
export class Order {
  [OptionalProps]?: 'items' | 'receivedAt' | 'cost';

  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @ManyToOne(() => Workspace, { deleteRule: 'cascade', index: false })
  workspace!: Workspace;

  @ManyToOne(() => Customer, { deleteRule: 'cascade', index: false })
  customer!: Customer;

  @Property({ type: 'string', length: 200 })
  orderId!: string;

  @Property({ type: new DecimalType('number'), precision: 19, scale: 4 })
  amount!: number;

  /** ISO 4217 code, upper case. */
  @Property({ type: 'string', length: 3 })
  currency!: string;

  /** Cost of goods sold; null when unknown (see `readOrder`). */
  @Property({ type: new DecimalType('number'), precision: 19, scale: 4, nullable: true })
  cost: number | null = null;

  @Property({ type: 'json' })
  items: OrderItem[] = [];

  @Property({ type: DateTimeType })
  occurredAt!: Date;

  @Property({ type: DateTimeType })
  receivedAt: Date = new Date();
}
