import {
  DateTimeType,
  Entity,
  Index,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  Property,
} from '@mikro-orm/core';
import type { RuleDocument } from '@cairn/schema';
import { newId } from '../ids';
import { Workspace } from './workspace.entity';

/**
 * A saved audience: a name, a description and a rule tree. Each save is a new version (kept in
 * `segment_versions`); `rule` and `version` are the current one. Members are kept in
 * `segment_memberships`, up to date as data arrives (see `modules/segment/membership/`).
 */
@Entity({ tableName: 'segments' })
@Index({ properties: ['workspace', 'archivedAt', 'name'] })
export class Segment {
  [OptionalProps]?:
    'description' | 'version' | 'archivedAt' | 'createdAt' | 'updatedAt' | 'computedAt';

  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @ManyToOne(() => Workspace, { deleteRule: 'cascade', index: false })
  workspace!: Workspace;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'text', default: '' })
  description: string = '';

  @Property({ type: 'json' })
  rule!: RuleDocument;

  @Property({ type: 'integer', default: 1 })
  version: number = 1;

  /** When the membership was last recomputed from scratch (after a save); null while pending. */
  @Property({ type: DateTimeType, nullable: true })
  computedAt: Date | null = null;

  @Property({ type: DateTimeType, nullable: true })
  archivedAt: Date | null = null;

  @Property({ type: DateTimeType })
  createdAt: Date = new Date();

  @Property({ type: DateTimeType, onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
