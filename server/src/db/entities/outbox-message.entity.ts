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
import type { MessageChannel, MessageTemplate } from '@cairn/schema';
import { newId } from '../ids';
import { Customer } from './customer.entity';
import { Journey } from './journey.entity';
import { Workspace } from './workspace.entity';

/** pending → sent | skipped (consent, cap) | failed (dead letter, or a channel not configured). */
export type OutboxStatus = 'pending' | 'sent' | 'skipped' | 'failed';

/**
 * A message to send, written in the same transaction as the journey step that asked for it, so a
 * crash before commit sends nothing and one after commit sends when the dispatcher resumes. The
 * idempotency key (journey, version, customer, node, entry) is unique: a step run twice cannot
 * queue its message twice, and providers receive it to drop repeats.
 */
@Entity({ tableName: 'outbox_messages' })
@Unique({ properties: ['workspace', 'idempotencyKey'] })
@Index({ properties: ['status', 'dueAt'] })
@Index({ properties: ['journey', 'customer', 'sentAt'] })
export class OutboxMessage {
  [OptionalProps]?:
    | 'status'
    | 'leaseUntil'
    | 'attempts'
    | 'lastError'
    | 'sentAt'
    | 'skipReason'
    | 'createdAt'
    | 'providerMessageId';

  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @ManyToOne(() => Workspace, { deleteRule: 'cascade', index: false })
  workspace!: Workspace;

  @ManyToOne(() => Journey, { deleteRule: 'cascade', index: false })
  journey!: Journey;

  @Property({ type: 'integer' })
  version!: number;

  @ManyToOne(() => Customer, { deleteRule: 'cascade', index: false })
  customer!: Customer;

  @Property({ type: 'string', length: 100 })
  nodeId!: string;

  @Property({ type: 'integer' })
  entryNumber!: number;

  @Property({ type: 'string', length: 300 })
  idempotencyKey!: string;

  @Property({ type: 'string', length: 20 })
  channel!: MessageChannel;

  @Property({ type: 'json' })
  template!: MessageTemplate;

  @Property({ type: 'string', length: 10, default: 'pending' })
  status: OutboxStatus = 'pending';

  /** When it may go out (later than created when quiet hours defer it, or after a failure). */
  @Property({ type: DateTimeType })
  dueAt!: Date;

  @Property({ type: DateTimeType, nullable: true })
  leaseUntil: Date | null = null;

  @Property({ type: 'integer', default: 0 })
  attempts: number = 0;

  @Property({ type: 'text', nullable: true })
  lastError: string | null = null;

  @Property({ type: 'string', length: 30, nullable: true })
  skipReason: string | null = null;

  @Property({ type: DateTimeType, nullable: true })
  sentAt: Date | null = null;

  @Property({ type: 'string', length: 300, nullable: true })
  providerMessageId: string | null = null;

  @Property({ type: DateTimeType })
  createdAt: Date = new Date();
}
