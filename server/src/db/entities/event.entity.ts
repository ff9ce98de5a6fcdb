import {
  DateTimeType,
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

/**
 * Something a customer did (a page view, a click, an order). `messageId` makes ingestion
 * idempotent per workspace. Indexed for the rule compiler's per-customer event subqueries.
 */
@Entity({ tableName: 'events' })
@Unique({ properties: ['workspace', 'messageId'] })
@Index({ properties: ['customer', 'name', 'occurredAt'] })
// Drives the rule compiler's event semi-joins from the workspace's events alone (index-only).
@Index({ properties: ['workspace', 'name', 'occurredAt', 'customer'] })
// The customer's timeline, newest first.
@Index({ properties: ['customer', 'occurredAt', 'id'] })
export class Event {
  [OptionalProps]?: 'properties' | 'receivedAt' | 'messageId';

  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @ManyToOne(() => Workspace, { deleteRule: 'cascade', index: false })
  workspace!: Workspace;

  @ManyToOne(() => Customer, { deleteRule: 'cascade', index: false })
  customer!: Customer;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'json' })
  properties: Record<string, unknown> = {};

  @Property({ type: DateTimeType })
  occurredAt!: Date;

  @Property({ type: DateTimeType })
  receivedAt: Date = new Date();

  @Property({ type: 'string', length: 200, nullable: true })
  messageId: string | null = null;
}
