import { useEffect, useMemo } from 'react';
import { useQuery } from 'urql';
import { JourneyStatsQuery } from './api';
import type { NodeCounts } from './canvas/CanvasAnnotations';

/** How often the counts on a published journey are refreshed. */
export const STATS_REFRESH_MS = 2_000;

/** Per-step counts of the live version, refreshed every `STATS_REFRESH_MS` while shown. */
export function useJourneyStats(journeyId: string, enabled: boolean) {
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
  const stats = data?.journey?.stats;
  const counts = useMemo(
    () => (stats ? new Map<string, NodeCounts>(stats.nodes.map((n) => [n.nodeId, n])) : undefined),
    [stats],
  );
  return { stats, counts };
}
