import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { newId } from '../ids';

/** A tenant. Every other entity belongs to exactly one workspace (see the `workspace` filter). */
@Entity({ tableName: 'workspaces' })
export class Workspace {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
