import { useEffect, useMemo } from 'react';
import { useQuery } from 'urql';
import { getFragmentData } from '../gql';
import { JourneyEditorStats, JourneyStatsQuery } from './api';
import { countsByNode } from './canvas/node-counts';

/** How often the counts on a published journey are refreshed. */
export const STATS_REFRESH_MS = 2_000;

/**
 * Per-step counts of the live version, refreshed every `STATS_REFRESH_MS` while shown. Customers
 * pass through a trigger without stopping, so the server counts none there: a trigger step shows
 * the journey's own entries and conversions.
 */
export function useJourneyStats(
  journeyId: string,
  enabled: boolean,
  triggerIds: readonly string[],
) {
  const [{ data }, refresh] = useQuery({
    query: JourneyStatsQuery,
    variables: { id: journeyId },
    pause: !enabled,
    requestPolicy: 'network-only',
  });
  useEffect(() => {
    if (!enabled) return;
    const timer = setInterval(() => refresh({ requestPolicy: 'network-only' }), STATS_REFRESH_MS);
    return () => clearInterval(timer);
  }, [enabled, refresh]);
  const stats = getFragmentData(JourneyEditorStats, data?.journey?.stats);
  const triggers = triggerIds.join('\n');
  const counts = useMemo(
    () => (stats ? countsByNode(stats, triggers.split('\n').filter(Boolean)) : undefined),
    [stats, triggers],
  );
  return { stats, counts };
}
