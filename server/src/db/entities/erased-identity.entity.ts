import {
  DateTimeType,
  Entity,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  Property,
  Unique,
} from '@mikro-orm/core';
import { newId } from '../ids';
import { Workspace } from './workspace.entity';

/**
 * A tombstone left by a GDPR erasure: a keyed hash of one identifier of the erased person (an
 * identity, or the profile id), never the identifier itself. Ingestion and import refuse items
 * that carry a tombstoned identifier, so a replay cannot bring the person back.
 */
@Entity({ tableName: 'erased_identities' })
@Unique({ properties: ['workspace', 'hash'] })
export class ErasedIdentity {
  [OptionalProps]?: 'erasedAt';

  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @ManyToOne(() => Workspace, { deleteRule: 'cascade', index: false })
  workspace!: Workspace;

  /** HMAC-SHA256 (hex) of the identity key under the workspace's erasure key. */
  @Property({ type: 'string', length: 64 })
  hash!: string;

  @Property({ type: DateTimeType })
  erasedAt: Date = new Date();
}
