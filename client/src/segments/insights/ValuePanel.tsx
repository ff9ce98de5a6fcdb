import { useQuery } from 'urql';
import { formatAmount } from '../../customers/format';
import { graphql } from '../../gql';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { LoadingState } from '../../ui/LoadingState';

const SegmentValueQuery = graphql(`
  query SegmentValueQuery($id: ID!) {
    segment(id: $id) {
      id
      value {
        members
        currencies {
          currency
          revenue
          orders
          buyers
          averageOrderValue
          averageRevenuePerMember
          averageClv
        }
      }
    }
  }
`);

/** What the members bought, per currency (currencies are never added together). */
export function ValuePanel({ segmentId }: { readonly segmentId: string }) {
  const [{ data, error }, reexecute] = useQuery({
    query: SegmentValueQuery,
    variables: { id: segmentId },
  });
  if (error && !data)
    return (
      <ErrorNotice
        title="Could not load the segment's value"
        error={error}
        onRetry={() => reexecute({ requestPolicy: 'network-only' })}
      />
    );
  if (!data) return <LoadingState label="Adding up the members' orders…" />;
  const value = data.segment?.value;
  if (!value || value.currencies.length === 0) {
    return (
      <EmptyState title="No orders from members yet">
        <p className="muted">
          Orders arrive as <code>Order Completed</code> events; the value shows once members buy.
        </p>
      </EmptyState>
    );
  }
  return (
    <div className="table-wrap" data-testid="segment-value">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Currency</th>
            <th scope="col" className="cell--number">
              Revenue
            </th>
            <th scope="col" className="cell--number">
              Orders
            </th>
            <th scope="col" className="cell--number">
              Buyers
            </th>
            <th scope="col" className="cell--number">
              Avg order
            </th>
            <th scope="col" className="cell--number">
              Revenue / member
            </th>
            <th scope="col" className="cell--number">
              Avg CLV
            </th>
          </tr>
        </thead>
        <tbody>
          {value.currencies.map((c) => (
            <tr key={c.currency}>
              <td>
                <span className="badge">{c.currency}</span>
              </td>
              <td className="cell--number">{formatAmount(c.revenue)}</td>
              <td className="cell--number">{c.orders.toLocaleString()}</td>
              <td className="cell--number">
                {c.buyers.toLocaleString()} of {value.members.toLocaleString()}
              </td>
              <td className="cell--number">{formatAmount(c.averageOrderValue) ?? '—'}</td>
              <td className="cell--number">{formatAmount(c.averageRevenuePerMember)}</td>
              <td className="cell--number">{formatAmount(c.averageClv)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
