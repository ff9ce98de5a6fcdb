import { assertUnreachable, type KpiScopeKind } from '@cairn/schema';

/** What a KPI series is computed for. */
export type KpiScope =
  | { readonly kind: 'campaign'; readonly campaignId: string }
  | { readonly kind: 'journey'; readonly journeyId: string }
  | { readonly kind: 'journeyNode'; readonly journeyId: string; readonly nodeId: string }
  | { readonly kind: 'segment'; readonly segmentId: string }
  | { readonly kind: 'channel'; readonly channel: string }
  | {
      readonly kind: 'experimentArm';
      readonly journeyId: string;
      readonly nodeId: string;
      readonly arm: string;
    };

export const KPI_SCOPE_KINDS = [
  'campaign',
  'journey',
  'journeyNode',
  'segment',
  'channel',
  'experimentArm',
] as const satisfies ReadonlyArray<KpiScope['kind']>;

// The scope kinds here are exactly those `SCOPE_METRIC_GROUPS` (schema) says the metrics of.
const scopeKindsMatch: [
  Exclude<KpiScope['kind'], KpiScopeKind> | Exclude<KpiScopeKind, KpiScope['kind']>,
] extends [never]
  ? true
  : never = true;
void scopeKindsMatch;

/** A short label of a scope for messages and alert keys. */
export function scopeLabel(scope: KpiScope): string {
  switch (scope.kind) {
    case 'campaign':
      return `campaign ${scope.campaignId}`;
    case 'journey':
      return `journey ${scope.journeyId}`;
    case 'journeyNode':
      return `node ${scope.nodeId} of journey ${scope.journeyId}`;
    case 'segment':
      return `segment ${scope.segmentId}`;
    case 'channel':
      return `channel ${scope.channel}`;
    case 'experimentArm':
      return `arm ${scope.arm} of ${scope.nodeId} in journey ${scope.journeyId}`;
    default:
      return assertUnreachable(scope);
  }
}
