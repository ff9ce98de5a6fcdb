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

/** How a customer is known to the outside world (see `modules/identity/identity-key.ts`). */
export type IdentityKind = 'email' | 'phone' | 'externalId' | 'anonymousId';

/**
 * One identifier of one customer. At most one customer per workspace holds a given identifier;
 * `source` names the system an external id comes from (empty for the other kinds). Values are
 * stored normalized (emails lower-cased, phones in E.164).
 */
@Entity({ tableName: 'identities' })
@Unique({ properties: ['workspace', 'kind', 'source', 'value'] })
@Index({ properties: ['customer'] })
export class Identity {
  [OptionalProps]?: 'source' | 'createdAt';

  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @ManyToOne(() => Workspace, { deleteRule: 'cascade', index: false })
  workspace!: Workspace;

  @ManyToOne(() => Customer, { deleteRule: 'cascade', index: false })
  customer!: Customer;

  @Property({ type: 'string', length: 20 })
  kind!: IdentityKind;

  @Property({ type: 'string', length: 50, default: '' })
  source: string = '';

  @Property({ type: 'string', length: 320 })
  value!: string;

  @Property({ type: DateTimeType })
  createdAt: Date = new Date();
}
