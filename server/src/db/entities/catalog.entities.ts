import {
  BigIntType,
  DateTimeType,
  Entity,
  ManyToOne,
  PrimaryKey,
  Property,
  Unique,
} from '@mikro-orm/core';
import { newId } from '../ids';
import { Workspace } from './workspace.entity';

/** The type a catalog entry was observed with (see `modules/catalog/observe.ts`). */
export type ObservedType =
  'string' | 'number' | 'boolean' | 'date' | 'stringList' | 'list' | 'object';

/** A trait path seen on profiles of a workspace, with one of its types. */
@Entity({ tableName: 'catalog_traits' })
@Unique({ properties: ['workspace', 'path', 'type'] })
export class CatalogTrait {
  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @ManyToOne(() => Workspace, { deleteRule: 'cascade', index: false })
  workspace!: Workspace;

  @Property({ type: 'string', length: 500 })
  path!: string;

  @Property({ type: 'string', length: 20 })
  type!: ObservedType;

  /** How many writes carried this path with this type. */
  @Property({ type: new BigIntType('number') })
  count!: number;

  /** A few distinct values seen (scalars only, each at most 100 characters). */
  @Property({ type: 'json' })
  examples!: unknown[];

  @Property({ type: DateTimeType })
  lastSeenAt!: Date;
}

/** An event name seen in a workspace. */
@Entity({ tableName: 'catalog_events' })
@Unique({ properties: ['workspace', 'name'] })
export class CatalogEvent {
  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @ManyToOne(() => Workspace, { deleteRule: 'cascade', index: false })
  workspace!: Workspace;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: new BigIntType('number') })
  count!: number;

  @Property({ type: DateTimeType })
  lastSeenAt!: Date;
}

/** A property path seen on events of one name, with one of its types. */
@Entity({ tableName: 'catalog_event_properties' })
@Unique({ properties: ['workspace', 'eventName', 'path', 'type'] })
export class CatalogEventProperty {
  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @ManyToOne(() => Workspace, { deleteRule: 'cascade', index: false })
  workspace!: Workspace;

  @Property({ type: 'string', length: 200 })
  eventName!: string;

  @Property({ type: 'string', length: 500 })
  path!: string;

  @Property({ type: 'string', length: 20 })
  type!: ObservedType;

  @Property({ type: new BigIntType('number') })
  count!: number;

  @Property({ type: 'json' })
  examples!: unknown[];

  @Property({ type: DateTimeType })
  lastSeenAt!: Date;
}
