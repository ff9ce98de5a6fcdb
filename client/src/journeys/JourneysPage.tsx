import { JOURNEY_EXAMPLES, type JourneyExampleName } from '@cairn/schema';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { describeError } from '../api/describeError';
import { formatDateTime } from '../customers/format';
import { useDebouncedValue } from '../customers/useDebouncedValue';
import { EmptyState } from '../ui/EmptyState';
import { ErrorNotice } from '../ui/ErrorNotice';
import { LoadingState } from '../ui/LoadingState';
import { useToast } from '../ui/toast/ToastContext';
import { CreateJourneyMutation, JourneysPageQuery } from './api';
import { conversionRate, convertedOf } from './conversion';
import './journeys.css';

const STATUSES = [
  ['', 'All but archived'],
  ['draft', 'Draft'],
  ['active', 'Active'],
  ['paused', 'Paused'],
  ['archived', 'Archived'],
] as const;

const EXAMPLE_NAMES: Record<JourneyExampleName, string> = {
  cartAbandoned: 'Cart abandoned',
  ebookNurture: 'E-book nurture',
  reengagement: 'Re-engagement',
  hardBounce: 'Hard bounce',
};

/** `/journeys`: every journey with its status, conversion and last change; create one. */
export function JourneysPage() {
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState('');
  const debounced = useDebouncedValue(search.trim(), 250);
  const [{ data, error, fetching }, reexecute] = useQuery({
    query: JourneysPageQuery,
    variables: { search: debounced || null, status: status || null },
    requestPolicy: 'cache-and-network',
  });
  const [created, create] = useMutation(CreateJourneyMutation);
  const navigate = useNavigate();
  const toast = useToast();
  const start = async (example?: JourneyExampleName) => {
    const name = example ? EXAMPLE_NAMES[example] : 'Untitled journey';
    const result = await create({ input: { name, ...(example ? { example } : {}) } });
    const id = result.data?.createJourney.journey?.id;
    if (!id)
      return toast(
        'error',
        `Not created: ${result.error ? describeError(result.error).message : 'try again'}`,
      );
    void navigate(`/journeys/${id}`);
  };
  return (
    <div className="page">
      <title>Journeys · Cairn</title>
      <div className="page__header">
        <div>
          <h1>Journeys</h1>
          <p className="muted">
            Real-time customer journeys: triggers, waits, decisions and messages.
          </p>
        </div>
        <div className="journeys__new">
          <button
            type="button"
            className="button button--primary"
            onClick={() => void start()}
            disabled={created.fetching}
            data-testid="new-journey"
          >
            New journey
          </button>
          <select
            className="input"
            aria-label="Start from an example"
            value=""
            onChange={(e) => e.target.value && void start(e.target.value as JourneyExampleName)}
          >
            <option value="">Start from an example…</option>
            {(Object.keys(JOURNEY_EXAMPLES) as JourneyExampleName[]).map((k) => (
              <option key={k} value={k}>
                {EXAMPLE_NAMES[k]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="journeys__filters">
        <input
          className="input"
          type="search"
          placeholder="Search journeys"
          aria-label="Search journeys"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <select
          className="input"
          aria-label="Status"
          value={status}
          onChange={(e) => setStatus(e.target.value)}
        >
          {STATUSES.map(([v, label]) => (
            <option key={v} value={v}>
              {label}
            </option>
          ))}
        </select>
      </div>
      {error && !data ? (
        <ErrorNotice
          title="Could not load journeys"
          error={error}
          onRetry={() => reexecute({ requestPolicy: 'network-only' })}
        />
      ) : !data ? (
        <LoadingState label="Loading journeys…" />
      ) : data.journeys.length === 0 ? (
        <EmptyState
          title={debounced || status ? 'No journey matches' : 'No journeys yet'}
          testId="journeys-empty"
        >
          <p className="muted">Draw one from scratch, or start from an example above.</p>
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table" aria-busy={fetching} data-testid="journeys-table">
            <thead>
              <tr>
                <th>Name</th>
                <th>Status</th>
                <th>Entered</th>
                <th title="Of the customers who entered the live version, how many reached its goal">
                  Conversion
                </th>
                <th>Last change</th>
              </tr>
            </thead>
            <tbody>
              {data.journeys.map((j) => (
                <tr key={j.id} data-testid="journey-row" data-journey-id={j.id}>
                  <td>
                    <Link to={`/journeys/${j.id}`}>{j.name}</Link>
                  </td>
                  <td>
                    <span className={`badge badge--${j.status}`}>
                      {j.status}
                      {j.liveVersion ? ` · v${j.liveVersion}` : ''}
                    </span>
                  </td>
                  <td>{j.stats.entered}</td>
                  <td data-testid="journey-conversion">
                    <strong>{conversionRate(j.stats)}</strong>
                    <div className="muted table__sub">{convertedOf(j.stats)}</div>
                  </td>
                  <td>{formatDateTime(j.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
