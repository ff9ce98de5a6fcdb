import {
  DateTimeType,
  Entity,
  Index,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  Property,
} from '@mikro-orm/core';
import type { JourneyGraph } from '@cairn/schema';
import { newId } from '../ids';
import { Workspace } from './workspace.entity';

/** draft: never published; active: customers enter and move; paused: nobody enters or moves; archived: ended. */
export type JourneyStatus = 'draft' | 'active' | 'paused' | 'archived';
export const JOURNEY_STATUSES: readonly JourneyStatus[] = ['draft', 'active', 'paused', 'archived'];

/**
 * A journey: its editable draft (any graph, even one with errors) and, once published, the
 * number of its live version (`journey_versions` holds every published one, immutable).
 */
@Entity({ tableName: 'journeys' })
@Index({ properties: ['workspace', 'status', 'name'] })
export class Journey {
  [OptionalProps]?:
    'description' | 'status' | 'liveVersion' | 'draftRevision' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @ManyToOne(() => Workspace, { deleteRule: 'cascade', index: false })
  workspace!: Workspace;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'text', default: '' })
  description: string = '';

  @Property({ type: 'string', length: 20, default: 'draft' })
  status: JourneyStatus = 'draft';

  /** The graph being edited; saved as drawn, problems and all. */
  @Property({ type: 'json' })
  draft!: JourneyGraph | Record<string, unknown>;

  /** Bumped on every draft save: a save naming an older revision is refused (two editors). */
  @Property({ type: 'integer', default: 1 })
  draftRevision: number = 1;

  /** The published version customers now enter; null until the first publish. */
  @Property({ type: 'integer', nullable: true })
  liveVersion: number | null = null;

  @Property({ type: DateTimeType })
  createdAt: Date = new Date();

  @Property({ type: DateTimeType, onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
