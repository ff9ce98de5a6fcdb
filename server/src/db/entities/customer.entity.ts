import {
  BeforeCreate,
  BeforeUpdate,
  DateTimeType,
  Entity,
  Index,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  Property,
  Unique,
} from '@mikro-orm/core';
import { customerSearchText } from '../search-text';
import { newId } from '../ids';
import { Workspace } from './workspace.entity';

export type Traits = Record<string, unknown>;

/**
 * One person's profile: free-form traits, a time zone, and (denormalized from the identities) the
 * primary email. Identities, events, orders and consent point here.
 */
@Entity({ tableName: 'customers' })
@Unique({ properties: ['workspace', 'email'] })
@Index({ properties: ['workspace', 'createdAt', 'id'] })
export class Customer {
  [OptionalProps]?: 'email' | 'traits' | 'timeZone' | 'createdAt' | 'updatedAt' | 'searchText';

  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @ManyToOne(() => Workspace, { deleteRule: 'cascade' })
  workspace!: Workspace;

  @Property({ type: 'string', length: 320, nullable: true })
  email: string | null = null;

  @Property({ type: 'json' })
  traits: Traits = {};

  /** IANA time zone (e.g. `Europe/Paris`) for calendar conditions and quiet hours; null means UTC. */
  @Property({ type: 'string', length: 64, nullable: true })
  timeZone: string | null = null;

  @Property({ type: DateTimeType })
  createdAt: Date = new Date();

  @Property({ type: DateTimeType, onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  /** Email and name folded for search (see search-text.ts); kept in step by the hooks below. */
  @Property({ type: 'text', default: '' })
  searchText: string = '';

  @BeforeCreate()
  @BeforeUpdate()
  refreshSearchText(): void {
    this.searchText = customerSearchText(this.email, this.traits);
  }
}
