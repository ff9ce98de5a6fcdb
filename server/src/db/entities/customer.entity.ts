import {
  BeforeCreate,
  BeforeUpdate,
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

/** One person's profile: an optional email and free-form traits. */
@Entity({ tableName: 'customers' })
@Unique({ properties: ['workspace', 'email'] })
@Index({ properties: ['workspace', 'createdAt', 'id'] })
export class Customer {
  [OptionalProps]?: 'email' | 'traits' | 'createdAt' | 'updatedAt' | 'searchText';

  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @ManyToOne(() => Workspace, { deleteRule: 'cascade' })
  workspace!: Workspace;

  @Property({ type: 'string', length: 320, nullable: true })
  email: string | null = null;

  @Property({ type: 'json' })
  traits: Traits = {};

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
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
