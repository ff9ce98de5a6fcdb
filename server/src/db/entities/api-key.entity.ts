import {
  DateTimeType,
  Entity,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  Property,
} from '@mikro-orm/core';
import { newId } from '../ids';
import { Workspace } from './workspace.entity';

export type ApiKeyScope = 'admin' | 'write';

/**
 * A workspace's API key. Only a SHA-256 hash of the secret is stored; the secret is shown once,
 * when the key is created. `prefix` (the first characters) lets people tell keys apart.
 */
@Entity({ tableName: 'api_keys' })
export class ApiKey {
  [OptionalProps]?: 'scope' | 'createdAt' | 'revokedAt';

  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @ManyToOne(() => Workspace, { deleteRule: 'cascade' })
  workspace!: Workspace;

  @Property({ type: 'string', length: 200 })
  name!: string;

  /** `admin` keys use the whole API; `write` keys may only send data (`POST /v1/events`). */
  @Property({ type: 'string', length: 10, default: 'admin' })
  scope: ApiKeyScope = 'admin';

  @Property({ type: 'string', length: 16 })
  prefix!: string;

  @Property({ type: 'string', length: 64, unique: true })
  tokenHash!: string;

  @Property({ type: DateTimeType })
  createdAt: Date = new Date();

  @Property({ type: DateTimeType, nullable: true })
  revokedAt?: Date | null;
}
