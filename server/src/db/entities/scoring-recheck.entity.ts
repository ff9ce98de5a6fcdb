import {
  DateTimeType,
  Entity,
  Index,
  ManyToOne,
  PrimaryKey,
  Property,
  Unique,
} from '@mikro-orm/core';
import { newId } from '../ids';
import { Customer } from './customer.entity';
import { Workspace } from './workspace.entity';

/** When a customer's score under a model next changes with the clock alone (decay, time windows). */
@Entity({ tableName: 'scoring_rechecks' })
@Unique({ properties: ['modelId', 'customer'] })
@Index({ properties: ['workspace', 'dueAt'] })
export class ScoringRecheck {
  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @ManyToOne(() => Workspace, { deleteRule: 'cascade', index: false })
  workspace!: Workspace;

  @Property({ type: 'string', length: 36 })
  modelId!: string;

  @ManyToOne(() => Customer, { deleteRule: 'cascade', index: false })
  customer!: Customer;

  @Property({ type: DateTimeType })
  dueAt!: Date;
}
