import {
  DateTimeType,
  Entity,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  Property,
  Unique,
} from '@mikro-orm/core';
import type { RuleDocument } from '@cairn/schema';
import { newId } from '../ids';
import { Segment } from './segment.entity';
import { Workspace } from './workspace.entity';

/** One saved version of a segment (append-only history). */
@Entity({ tableName: 'segment_versions' })
@Unique({ properties: ['segment', 'version'] })
export class SegmentVersion {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @ManyToOne(() => Workspace, { deleteRule: 'cascade', index: false })
  workspace!: Workspace;

  @ManyToOne(() => Segment, { deleteRule: 'cascade', index: false })
  segment!: Segment;

  @Property({ type: 'integer' })
  version!: number;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'text' })
  description!: string;

  @Property({ type: 'json' })
  rule!: RuleDocument;

  @Property({ type: DateTimeType })
  createdAt: Date = new Date();
}
