import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { EmptyState } from '../ui/EmptyState';
import { ErrorNotice } from '../ui/ErrorNotice';
import { LoadingState } from '../ui/LoadingState';
import { CustomerRow } from './CustomerRow';
import { countLabel } from './format';

export const PAGE_SIZE = 20;

const CustomersPageQuery = graphql(`
  query CustomersPageQuery($first: Int!, $after: String, $search: String) {
    customers(first: $first, after: $after, search: $search) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          ...CustomerRow_customer
        }
      }
    }
  }
`);

interface Props {
  readonly search: string;
  readonly onClearSearch: () => void;
}

/**
 * One search's results, a page at a time. Paging keeps a stack of `after` cursors (the first page
 * has none), so "Previous page" is a pop. Give it `key={search}` to start over on a new search.
 */
export function CustomerResults({ search, onClearSearch }: Props) {
  const [cursors, setCursors] = useState<readonly string[]>([]);
  const after = cursors.at(-1) ?? null;
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: CustomersPageQuery,
    variables: { first: PAGE_SIZE, after, search: search === '' ? null : search },
  });

  if (error && !data) {
    return (
      <ErrorNotice
        title="Could not load customers"
        error={error}
        onRetry={() => reexecute({ requestPolicy: 'network-only' })}
      />
    );
  }
  if (!data) return <LoadingState label="Loading customers…" />;

  const { totalCount, pageInfo, edges } = data.customers;
  if (edges.length === 0 && cursors.length === 0) {
    return search === '' ? (
      <EmptyState title="No customers yet" testId="customers-empty">
        <p className="muted">
          Send profiles with the <code>identify</code> mutation or events to{' '}
          <code>POST /v1/events</code>: try it in the <Link to="/playground">Playground</Link>, or
          start the server with <code>SEED_DEMO=true</code> for demo data.
        </p>
      </EmptyState>
    ) : (
      <EmptyState title={`No customers match “${search}”`} testId="customers-empty">
        <p className="muted">Search looks at emails and names. Try fewer letters.</p>
        <button type="button" className="button" onClick={onClearSearch}>
          Clear search
        </button>
      </EmptyState>
    );
  }

  const page = cursors.length + 1;
  const pageCount = Math.max(1, Math.ceil(totalCount / PAGE_SIZE));
  const firstIndex = cursors.length * PAGE_SIZE + 1;
  return (
    <>
      <p className="summary">
        <span data-testid="customers-total">{countLabel(totalCount)}</span>
        {search !== '' && <> match “{search}”</>}
        <span className="muted">
          {' '}
          · showing {firstIndex}–{firstIndex + edges.length - 1}
        </span>
      </p>
      {error && (
        <ErrorNotice
          title="Could not refresh customers"
          error={error}
          onRetry={() => reexecute({ requestPolicy: 'network-only' })}
        />
      )}
      <div className="table-wrap">
        <table className="table" data-testid="customers-table" aria-busy={fetching}>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Country</th>
              <th scope="col">Plan</th>
              <th scope="col" className="cell--number">
                LTV
              </th>
              <th scope="col">Created</th>
            </tr>
          </thead>
          <tbody>
            {edges.map((edge) => (
              <CustomerRow key={edge.node.id} customer={edge.node} />
            ))}
          </tbody>
        </table>
      </div>
      <nav className="pager" aria-label="Pages">
        <button
          type="button"
          className="button"
          disabled={cursors.length === 0 || fetching}
          onClick={() => setCursors((stack) => stack.slice(0, -1))}
          data-testid="previous-page"
        >
          Previous page
        </button>
        <span className="pager__label" data-testid="page-label">
          Page {page} of {pageCount}
        </span>
        <button
          type="button"
          className="button"
          disabled={!pageInfo.hasNextPage || !pageInfo.endCursor || fetching}
          onClick={() => {
            const next = pageInfo.endCursor;
            if (next) setCursors((stack) => [...stack, next]);
          }}
          data-testid="next-page"
        >
          Next page
        </button>
      </nav>
    </>
  );
}
