import {
  Area,
  AreaChart,
  CartesianGrid,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { LoadingState } from '../../ui/LoadingState';

export const HISTORY_DAYS = 30;

const SizeHistoryQuery = graphql(`
  query SizeHistoryQuery($id: ID!, $from: String!, $to: String!) {
    segment(id: $id) {
      id
      sizeHistory(from: $from, to: $to) {
        day
        size
        entered
        exited
      }
    }
  }
`);

/** The UTC days `days - 1` ago and today, as `YYYY-MM-DD`. */
export function lastDays(days: number, now: Date): { from: string; to: string } {
  const from = new Date(now.getTime() - (days - 1) * 86_400_000);
  return { from: from.toISOString().slice(0, 10), to: now.toISOString().slice(0, 10) };
}

/** The segment's size at the end of each of the last 30 days. */
export function SizeHistoryPanel({ segmentId }: { readonly segmentId: string }) {
  const [{ data, error }, reexecute] = useQuery({
    query: SizeHistoryQuery,
    variables: { id: segmentId, ...lastDays(HISTORY_DAYS, new Date()) },
  });
  if (error && !data)
    return (
      <ErrorNotice
        title="Could not load the size history"
        error={error}
        onRetry={() => reexecute({ requestPolicy: 'network-only' })}
      />
    );
  if (!data) return <LoadingState label="Loading the size history…" />;
  const points = data.segment?.sizeHistory ?? [];
  return (
    <div data-testid="size-history">
      <p className="muted">Members at the end of each UTC day, the last {HISTORY_DAYS} days.</p>
      <div
        className="chart"
        role="img"
        aria-label={`Size over ${HISTORY_DAYS} days, now ${points.at(-1)?.size ?? 0}`}
      >
        <ResponsiveContainer width="100%" height={220}>
          <AreaChart data={points} margin={{ top: 10, right: 16, bottom: 0, left: 0 }}>
            <CartesianGrid stroke="#eef1f4" vertical={false} />
            <XAxis
              dataKey="day"
              tickFormatter={(d: string) => d.slice(5)}
              fontSize={12}
              minTickGap={24}
            />
            <YAxis allowDecimals={false} fontSize={12} width={48} />
            <Tooltip />
            <Area
              type="stepAfter"
              dataKey="size"
              name="Members"
              stroke="#1f6f5c"
              fill="#e3f2ec"
              isAnimationActive={false}
            />
          </AreaChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}
