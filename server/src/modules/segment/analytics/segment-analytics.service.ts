import type { Workspace } from '../../../db/entities';
import type { Em } from '../../../db/orm';
import type { DayRange } from './analytics-args';
import { crossTab, type CrossTab, type CrossTabArgs } from './cross-tab';
import { segmentValues, type SegmentValue } from './segment-value';
import { sizeHistories, type SizePoint } from './size-history';

/**
 * Segment analytics, all in SQL over the workspace's rows: size over time (from the transitions),
 * value (from the current members' orders) and a cross-tab against a trait. The batch methods
 * serve a request's DataLoaders, so a list of segments costs the same queries as one.
 */
export class SegmentAnalyticsService {
  constructor(
    private readonly em: Em,
    private readonly workspace: Workspace,
  ) {}

  sizeHistories(segmentIds: readonly string[], range: DayRange): Promise<SizePoint[][]> {
    return sizeHistories(this.em, this.workspace.id, segmentIds, range);
  }

  values(segmentIds: readonly string[], since: Date | null): Promise<SegmentValue[]> {
    return segmentValues(this.em, this.workspace.id, segmentIds, since);
  }

  crossTab(segmentId: string, args: CrossTabArgs): Promise<CrossTab> {
    return crossTab(this.em, this.workspace.id, segmentId, args);
  }
}
