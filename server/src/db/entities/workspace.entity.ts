import { DateTimeType, Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { randomBytes } from 'node:crypto';
import { newId } from '../ids';

/** A tenant. Every other entity belongs to exactly one workspace (see the `workspace` filter). */
@Entity({ tableName: 'workspaces' })
export class Workspace {
  [OptionalProps]?: 'createdAt' | 'erasureKey';

  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @Property({ type: 'string', length: 200 })
  name!: string;

  /** Key of the HMAC that hashes the identifiers of erased people (see `ErasedIdentity`). Never exposed. */
  @Property({ type: 'string', length: 64, hidden: true, default: '' })
  erasureKey: string = randomBytes(32).toString('hex');

  @Property({ type: DateTimeType })
  createdAt: Date = new Date();
}
