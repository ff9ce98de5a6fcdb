import { DateTimeType, Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { newId } from '../ids';
import { Customer } from './customer.entity';
import { Workspace } from './workspace.entity';

/** A lead-score model's value for a customer from `at` on: the history answers "score at time t". */
@Entity({ tableName: 'score_entries' })
@Index({ properties: ['customer', 'model', 'at'] })
export class ScoreEntry {
  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @ManyToOne(() => Workspace, { deleteRule: 'cascade' })
  workspace!: Workspace;

  @ManyToOne(() => Customer, { deleteRule: 'cascade', index: false })
  customer!: Customer;

  @Property({ type: 'string', length: 100 })
  model!: string;

  @Property({ type: DateTimeType })
  at!: Date;

  @Property({ type: 'double' })
  value!: number;
}
