import type { ResultOf } from '@graphql-typed-document-node/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { formatDate } from '../customers/format';
import { graphql } from '../gql';
import { EmptyState } from '../ui/EmptyState';
import { ErrorNotice } from '../ui/ErrorNotice';
import { LoadingState } from '../ui/LoadingState';
import { filterSegments, type SegmentStatus } from './segment-list';

const SegmentsPageQuery = graphql(`
  query SegmentsPageQuery {
    segments(includeArchived: true) {
      id
      name
      description
      size
      version
      updatedAt
      archivedAt
    }
  }
`);

const STATUSES: readonly { value: SegmentStatus; label: string }[] = [
  { value: 'active', label: 'Active' },
  { value: 'archived', label: 'Archived' },
  { value: 'all', label: 'All' },
];

/** `/segments`: every segment with its size and last change, searchable, by status. */
export function SegmentsPage() {
  const [{ data, error }, reexecute] = useQuery({
    query: SegmentsPageQuery,
    requestPolicy: 'cache-and-network',
  });
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<SegmentStatus>('active');
  return (
    <div className="page">
      <title>Segments · Cairn</title>
      <div className="page__header">
        <div>
          <h1>Segments</h1>
          <p className="muted">Audiences that stay up to date as data arrives.</p>
        </div>
        <Link to="/segments/new" className="button button--primary" data-testid="new-segment">
          New segment
        </Link>
      </div>
      {error && !data ? (
        <ErrorNotice
          title="Could not load segments"
          error={error}
          onRetry={() => reexecute({ requestPolicy: 'network-only' })}
        />
      ) : !data ? (
        <LoadingState label="Loading segments…" />
      ) : data.segments.length === 0 ? (
        <EmptyState title="No segments yet" testId="segments-empty">
          <p className="muted">
            A segment is an audience defined by rules on traits, events, scores and consent. Build
            the first one and watch its size as you edit.
          </p>
          <Link to="/segments/new" className="button button--primary">
            Build a segment
          </Link>
        </EmptyState>
      ) : (
        <SegmentTable
          segments={data.segments}
          search={search}
          status={status}
          onSearch={setSearch}
          onStatus={setStatus}
        />
      )}
    </div>
  );
}

type Row = ResultOf<typeof SegmentsPageQuery>['segments'][number];

function SegmentTable(props: {
  readonly segments: readonly Row[];
  readonly search: string;
  readonly status: SegmentStatus;
  readonly onSearch: (search: string) => void;
  readonly onStatus: (status: SegmentStatus) => void;
}) {
  const rows = filterSegments(props.segments, props.search, props.status);
  return (
    <>
      <div className="toolbar">
        <input
          type="search"
          className="input search__input"
          placeholder="Search segments"
          aria-label="Search segments"
          value={props.search}
          onChange={(e) => props.onSearch(e.target.value)}
          data-testid="segments-search"
        />
        <div className="segmented" role="group" aria-label="Status">
          {STATUSES.map((s) => (
            <button
              key={s.value}
              type="button"
              className={`segmented__item${props.status === s.value ? ' segmented__item--on' : ''}`}
              aria-pressed={props.status === s.value}
              onClick={() => props.onStatus(s.value)}
            >
              {s.label}
            </button>
          ))}
        </div>
      </div>
      {rows.length === 0 ? (
        <EmptyState title="No segments match" testId="segments-empty">
          <p className="muted">Try another search, or look under All.</p>
          <button
            type="button"
            className="button"
            onClick={() => (props.onSearch(''), props.onStatus('all'))}
          >
            Show all segments
          </button>
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="segments-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Status</th>
                <th scope="col" className="cell--number">
                  Size
                </th>
                <th scope="col" className="cell--number">
                  Version
                </th>
                <th scope="col">Last change</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((s) => (
                <tr key={s.id} data-testid="segment-row">
                  <td>
                    <Link
                      to={`/segments/${s.id}`}
                      className="table__link"
                      data-testid="segment-name"
                    >
                      {s.name}
                    </Link>
                    {s.description && <div className="muted table__sub">{s.description}</div>}
                  </td>
                  <td>
                    <span className={`badge${s.archivedAt ? ' badge--muted' : ' badge--ok'}`}>
                      {s.archivedAt ? 'Archived' : 'Active'}
                    </span>
                  </td>
                  <td className="cell--number" data-testid="segment-size">
                    {s.size.toLocaleString()}
                  </td>
                  <td className="cell--number">v{s.version}</td>
                  <td>
                    <time dateTime={s.updatedAt} title={s.updatedAt}>
                      {formatDate(s.updatedAt)}
                    </time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
