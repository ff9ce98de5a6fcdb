import { useMemo, useState } from 'react';
import {
  Area,
  AreaChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { LoadingState } from '../../ui/LoadingState';
import { formatDate, formatDateTime } from '../format';
import { axisUnit, chartPoints, formatChange, formatScore, recentChanges } from './score-history';

const clock = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });
const timeOfDay = (t: number) => clock.format(t);
const dayOf = (t: number) => formatDate(new Date(t).toISOString());

/** How many of the latest changes are listed under a chart. */
export const RECENT_CHANGES = 5;

const ScoringModelsQuery = graphql(`
  query CustomerScoringModelsQuery {
    scoringModels(includeArchived: true) {
      id
      key
      name
      mqlThreshold
      halfLifeDays
      archivedAt
    }
  }
`);

const ScoreHistoryQuery = graphql(`
  query CustomerScoreHistoryQuery($customerId: ID!, $model: String!) {
    scoreHistory(customerId: $customerId, model: $model) {
      at
      value
    }
  }
`);

interface CurrentScore {
  readonly model: string;
  readonly value: number;
  readonly at: string;
}

interface ModelInfo {
  readonly name: string;
  readonly mqlThreshold?: number | null;
  readonly halfLifeDays?: number | null;
  readonly archivedAt?: string | null;
}

/** Each lead score of the customer now, with its history and its latest changes. */
export function ScoresPanel(props: {
  readonly customerId: string;
  readonly scores: readonly CurrentScore[];
}) {
  const [{ data }] = useQuery({ query: ScoringModelsQuery, pause: props.scores.length === 0 });
  const models = useMemo(
    () => new Map((data?.scoringModels ?? []).map((m) => [m.key, m])),
    [data?.scoringModels],
  );
  return (
    <section className="panel" aria-labelledby="c-scores">
      <h2 id="c-scores" className="panel__title">
        Scores
      </h2>
      {props.scores.length === 0 ? (
        <p className="muted" data-testid="customer-scores-empty">
          No score yet: scores appear once a lead-scoring model rates this customer (create one with{' '}
          <code>createScoringModel</code> in the <Link to="/playground">playground</Link>).
        </p>
      ) : (
        <div className="scores" data-testid="customer-scores">
          {props.scores.map((s) => (
            <ScoreCard
              key={s.model}
              customerId={props.customerId}
              score={s}
              model={models.get(s.model)}
            />
          ))}
        </div>
      )}
    </section>
  );
}

function ScoreCard({
  customerId,
  score,
  model,
}: {
  readonly customerId: string;
  readonly score: CurrentScore;
  readonly model: ModelInfo | undefined;
}) {
  const threshold = model?.mqlThreshold ?? null;
  return (
    <div className="score" data-testid="score-model" data-model={score.model}>
      <div className="score__head">
        <div>
          <strong>{model?.name ?? score.model}</strong>{' '}
          {model?.archivedAt && <span className="badge badge--muted">archived</span>}
          <div className="muted table__sub">
            <code>{score.model}</code>
            {threshold !== null && ` · MQL at ${formatScore(threshold)}`}
            {model?.halfLifeDays != null && ` · halves after ${model.halfLifeDays} idle days`}
          </div>
        </div>
        <div className="score__value">
          <span data-testid="score-value">{formatScore(score.value)}</span>
          {threshold !== null && score.value >= threshold && (
            <span className="badge badge--ok">MQL</span>
          )}
          <div className="muted table__sub">since {formatDate(score.at)}</div>
        </div>
      </div>
      <ScoreHistory customerId={customerId} model={score.model} threshold={threshold} />
    </div>
  );
}

function ScoreHistory(props: {
  readonly customerId: string;
  readonly model: string;
  readonly threshold: number | null;
}) {
  const [{ data, error }, reexecute] = useQuery({
    query: ScoreHistoryQuery,
    variables: { customerId: props.customerId, model: props.model },
    requestPolicy: 'cache-and-network',
  });
  // Where the last step of the chart ends: when the panel was opened.
  const [now] = useState(() => Date.now());
  if (error && !data)
    return (
      <ErrorNotice
        title="Could not load the score history"
        error={error}
        onRetry={() => reexecute({ requestPolicy: 'network-only' })}
      />
    );
  if (!data) return <LoadingState label="Loading the score history…" />;
  const history = data.scoreHistory;
  const points = chartPoints(history, now);
  const changes = recentChanges(history, RECENT_CHANGES);
  const tick =
    axisUnit((points.at(-1)?.t ?? 0) - (points[0]?.t ?? 0)) === 'time' ? timeOfDay : dayOf;
  return (
    <>
      <div
        className="chart"
        role="img"
        aria-label={`Score history: ${history.length} changes, now ${formatScore(history.at(-1)?.value ?? 0)}`}
        data-testid="score-history-chart"
      >
        <ResponsiveContainer width="100%" height={110}>
          <AreaChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <XAxis
              dataKey="t"
              type="number"
              scale="time"
              domain={['dataMin', 'dataMax']}
              tickFormatter={tick}
              fontSize={11}
              minTickGap={40}
            />
            <YAxis fontSize={11} width={36} allowDecimals={false} />
            <Tooltip
              labelFormatter={(t) => formatDateTime(new Date(Number(t)).toISOString())}
              formatter={(v) => [formatScore(Number(v)), 'Score']}
            />
            {props.threshold !== null && (
              <ReferenceLine y={props.threshold} stroke="#b54708" strokeDasharray="4 3" />
            )}
            <Area
              type="stepAfter"
              dataKey="value"
              stroke="#2f6fb5"
              fill="#e4eefa"
              isAnimationActive={false}
            />
          </AreaChart>
        </ResponsiveContainer>
      </div>
      <ol className="history" aria-label="Latest changes">
        {changes.map((c) => (
          <li key={`${c.at}:${c.to}`} data-testid="score-change">
            <span className={c.change >= 0 ? 'score__up' : 'score__down'}>
              {formatChange(c.change)}
            </span>{' '}
            to {formatScore(c.to)} <span className="muted">· {formatDateTime(c.at)}</span>
          </li>
        ))}
      </ol>
    </>
  );
}
