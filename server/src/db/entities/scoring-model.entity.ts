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
import { Workspace } from './workspace.entity';

/** One scoring rule: `points` are awarded while `rule` holds for the customer. */
export interface ScoreRuleSpec {
  /** Stable within the model (the editor's key; problems point at it). */
  readonly id: string;
  readonly label: string;
  /** Behavior (what they did: events) or fit (who they are: traits); for display and reports. */
  readonly kind: 'behavior' | 'fit';
  readonly points: number;
  readonly rule: RuleDocument;
}

/**
 * A lead-scoring model: rules that award points, for the members of one segment (every customer
 * when `segmentId` is null), with optional decay and an MQL threshold. Its values are written to
 * `score_entries` under `key`, which rules read with `score` conditions. Each save is a new
 * version; the history already written is kept.
 */
@Entity({ tableName: 'scoring_models' })
@Unique({ properties: ['workspace', 'key'] })
export class ScoringModel {
  [OptionalProps]?: 'version' | 'archivedAt' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @ManyToOne(() => Workspace, { deleteRule: 'cascade', index: false })
  workspace!: Workspace;

  /** The model name in `score_entries.model` and in rules' `score` conditions; never changes. */
  @Property({ type: 'string', length: 100 })
  key!: string;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'string', length: 36, nullable: true })
  segmentId: string | null = null;

  @Property({ type: 'json' })
  rules!: ScoreRuleSpec[];

  /** Points halve after this many days without an event; null: no decay. */
  @Property({ type: 'double', nullable: true })
  halfLifeDays: number | null = null;

  /** Reaching this score (from below) marks the lead MQL; null: no threshold. */
  @Property({ type: 'double', nullable: true })
  mqlThreshold: number | null = null;

  @Property({ type: 'integer', default: 1 })
  version: number = 1;

  @Property({ type: DateTimeType, nullable: true })
  archivedAt: Date | null = null;

  @Property({ type: DateTimeType })
  createdAt: Date = new Date();

  @Property({ type: DateTimeType, onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
