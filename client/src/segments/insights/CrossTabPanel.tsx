import { useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import type { EditorCatalog } from '../../rule-editor';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { LoadingState } from '../../ui/LoadingState';

const CrossTabQuery = graphql(`
  query CrossTabQuery($id: ID!, $path: String!) {
    segment(id: $id) {
      id
      crossTab(path: $path) {
        path
        mode
        members
        customers
        buckets {
          kind
          label
          members
          customers
          shareOfSegment
          shareOfCustomers
          penetration
          index
        }
      }
    }
  }
`);

const percent = (share: number | null | undefined) =>
  share == null ? '—' : `${(share * 100).toFixed(1)} %`;

/** The segment against one trait: each value (or number range) in and out of the segment. */
export function CrossTabPanel({
  segmentId,
  catalog,
}: {
  readonly segmentId: string;
  readonly catalog: EditorCatalog;
}) {
  const paths = catalog.traits.filter(
    (t) => t.path.startsWith('traits.') && t.type !== 'date' && t.type !== 'stringList',
  );
  const [path, setPath] = useState(
    paths.find((p) => p.path === 'traits.country')?.path ?? paths[0]?.path ?? '',
  );
  return (
    <div data-testid="cross-tab">
      <label className="field field--inline">
        <span className="field__label">Against the trait</span>
        <select
          className="input"
          value={path}
          onChange={(e) => setPath(e.target.value)}
          data-testid="cross-tab-path"
        >
          {paths.map((p) => (
            <option key={p.path} value={p.path}>
              {p.path.slice('traits.'.length)}
            </option>
          ))}
        </select>
      </label>
      {path === '' ? (
        <p className="muted">
          No text, number or yes/no traits yet: send some with <code>identify</code>.
        </p>
      ) : (
        <CrossTabTable segmentId={segmentId} path={path} />
      )}
    </div>
  );
}

function CrossTabTable({ segmentId, path }: { readonly segmentId: string; readonly path: string }) {
  const [{ data, error }, reexecute] = useQuery({
    query: CrossTabQuery,
    variables: { id: segmentId, path },
  });
  if (error && !data)
    return (
      <ErrorNotice
        title="Could not cross-tabulate"
        error={error}
        onRetry={() => reexecute({ requestPolicy: 'network-only' })}
      />
    );
  if (!data) return <LoadingState label="Cross-tabulating…" />;
  const tab = data.segment?.crossTab;
  if (!tab) return null;
  return (
    <div className="table-wrap">
      <table className="table" data-testid="cross-tab-table">
        <thead>
          <tr>
            <th scope="col">{path.slice('traits.'.length)}</th>
            <th scope="col" className="cell--number">
              Members
            </th>
            <th scope="col" className="cell--number">
              Share of segment
            </th>
            <th scope="col" className="cell--number">
              Customers
            </th>
            <th scope="col" className="cell--number">
              Reach
            </th>
            <th scope="col">Index (100 = average)</th>
          </tr>
        </thead>
        <tbody>
          {tab.buckets.map((b) => (
            <tr key={`${b.kind}-${b.label}`}>
              <td className={b.kind === 'VALUE' || b.kind === 'RANGE' ? undefined : 'muted'}>
                {b.label}
              </td>
              <td className="cell--number">{b.members.toLocaleString()}</td>
              <td className="cell--number">{percent(b.shareOfSegment)}</td>
              <td className="cell--number">{b.customers.toLocaleString()}</td>
              <td className="cell--number">{percent(b.penetration)}</td>
              <td>
                <span
                  className="index-bar"
                  aria-label={b.index == null ? 'no index' : `index ${Math.round(b.index)}`}
                >
                  <span
                    className={`index-bar__fill${(b.index ?? 0) >= 100 ? ' index-bar__fill--over' : ''}`}
                    style={{ width: `${Math.min(100, (b.index ?? 0) / 2)}%` }}
                  />
                  <span className="index-bar__label">
                    {b.index == null ? '—' : Math.round(b.index)}
                  </span>
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
