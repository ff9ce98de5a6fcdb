import {
  DateTimeType,
  Entity,
  Index,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  Property,
} from '@mikro-orm/core';
import { newId } from '../ids';
import { Customer } from './customer.entity';
import { Workspace } from './workspace.entity';

/** One consent decision for a channel. Append-only: the latest record per channel is the state. */
@Entity({ tableName: 'consent_records' })
@Index({ properties: ['customer', 'channel', 'recordedAt'] })
export class ConsentRecord {
  [OptionalProps]?: 'source';

  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @ManyToOne(() => Workspace, { deleteRule: 'cascade' })
  workspace!: Workspace;

  @ManyToOne(() => Customer, { deleteRule: 'cascade', index: false })
  customer!: Customer;

  @Property({ type: 'string', length: 20 })
  channel!: string;

  @Property({ type: 'boolean' })
  granted!: boolean;

  @Property({ type: 'string', length: 200, nullable: true })
  source: string | null = null;

  @Property({ type: DateTimeType })
  recordedAt!: Date;
}
