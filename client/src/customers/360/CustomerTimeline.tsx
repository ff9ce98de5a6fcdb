import { useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { LoadingState } from '../../ui/LoadingState';
import { TimelineEvent } from './TimelineEvent';

export const TIMELINE_PAGE = 25;

const CustomerTimelineQuery = graphql(`
  query CustomerTimelineQuery(
    $id: ID!
    $first: Int!
    $after: String
    $names: [String!]
    $from: DateTimeISO
    $to: DateTimeISO
  ) {
    customer(id: $id) {
      id
      events(first: $first, after: $after, names: $names, from: $from, to: $to) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          cursor
          node {
            id
            ...TimelineEvent_event
          }
        }
      }
    }
    catalog {
      events {
        name
      }
    }
  }
`);

/** A day `YYYY-MM-DD` as the instant it starts (UTC), or null when empty. */
export const dayStart = (day: string) => (day === '' ? null : `${day}T00:00:00.000Z`);
/** The instant after the day ends, so the day itself is included; null when empty. */
export const dayEnd = (day: string) =>
  day === '' ? null : new Date(Date.parse(`${day}T00:00:00.000Z`) + 86_400_000).toISOString();

/** The customer's events, newest first, filtered by name and dates, a page at a time. */
export function CustomerTimeline({ customerId }: { readonly customerId: string }) {
  const [names, setNames] = useState<readonly string[]>([]);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [cursors, setCursors] = useState<readonly string[]>([]);
  const [{ data, error, fetching }, reexecute] = useQuery({
    query: CustomerTimelineQuery,
    variables: {
      id: customerId,
      first: TIMELINE_PAGE,
      after: cursors.at(-1) ?? null,
      names: names.length === 0 ? null : [...names],
      from: dayStart(from),
      to: dayEnd(to),
    },
  });
  const restart =
    <T,>(set: (v: T) => void) =>
    (v: T) => (set(v), setCursors([]));
  const connection = data?.customer?.events;
  const filtered = names.length > 0 || from !== '' || to !== '';
  return (
    <section className="panel c360__timeline" aria-labelledby="c-timeline">
      <div className="panel__head">
        <h2 id="c-timeline" className="panel__title">
          Timeline
        </h2>
        {connection && (
          <span className="muted" data-testid="timeline-total">
            {connection.totalCount.toLocaleString()} events
          </span>
        )}
      </div>
      <div className="timeline-filters">
        <div className="chips" role="group" aria-label="Event names">
          {(data?.catalog.events ?? []).map((e) => {
            const on = names.includes(e.name);
            return (
              <button
                key={e.name}
                type="button"
                className={`chip${on ? ' chip--on' : ''}`}
                aria-pressed={on}
                onClick={() =>
                  restart(setNames)(on ? names.filter((n) => n !== e.name) : [...names, e.name])
                }
              >
                {e.name}
              </button>
            );
          })}
        </div>
        <label className="field field--inline">
          <span className="field__label">From</span>
          <input
            type="date"
            className="input input--date"
            value={from}
            onChange={(e) => restart(setFrom)(e.target.value)}
          />
        </label>
        <label className="field field--inline">
          <span className="field__label">To</span>
          <input
            type="date"
            className="input input--date"
            value={to}
            onChange={(e) => restart(setTo)(e.target.value)}
          />
        </label>
      </div>
      {error && !data ? (
        <ErrorNotice
          title="Could not load the timeline"
          error={error}
          onRetry={() => reexecute({ requestPolicy: 'network-only' })}
        />
      ) : !connection ? (
        <LoadingState label="Loading events…" />
      ) : connection.edges.length === 0 ? (
        <EmptyState title={filtered ? 'No events match these filters' : 'No events yet'}>
          {filtered ? (
            <button
              type="button"
              className="button"
              onClick={() => (setNames([]), setFrom(''), setTo(''), setCursors([]))}
            >
              Clear filters
            </button>
          ) : (
            <p className="muted">
              Events arrive with <code>track</code> or <code>POST /v1/events</code>.
            </p>
          )}
        </EmptyState>
      ) : (
        <>
          <ol className="timeline" data-testid="timeline" aria-busy={fetching}>
            {connection.edges.map((edge) => (
              <TimelineEvent key={edge.node.id} event={edge.node} />
            ))}
          </ol>
          <nav className="pager" aria-label="Timeline pages">
            <button
              type="button"
              className="button"
              disabled={cursors.length === 0}
              onClick={() => setCursors(cursors.slice(0, -1))}
            >
              Newer
            </button>
            <button
              type="button"
              className="button"
              disabled={!connection.pageInfo.hasNextPage}
              onClick={() =>
                connection.pageInfo.endCursor &&
                setCursors([...cursors, connection.pageInfo.endCursor])
              }
            >
              Older
            </button>
          </nav>
        </>
      )}
    </section>
  );
}
