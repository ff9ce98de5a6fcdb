import { Link } from 'react-router';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import { formatAmount, formatDate, traitText } from '../format';
import { ConsentPanel } from './ConsentPanel';
import { ScoresPanel } from './ScoresPanel';
import { TraitsTable } from './TraitsTable';

export const CustomerProfile_customer = graphql(`
  fragment CustomerProfile_customer on Customer {
    id
    email
    timeZone
    createdAt
    updatedAt
    traits
    identities {
      kind
      source
      value
      createdAt
    }
    segments {
      segmentId
      enteredAt
    }
    scores {
      model
      value
      at
    }
    orders {
      orderId
      amount
      currency
      occurredAt
      items {
        productId
        name
        quantity
        price
      }
    }
    consent {
      channel
      granted
      source
      recordedAt
    }
    consentHistory {
      channel
      granted
      source
      recordedAt
    }
    merges {
      mergedId
      mergedAt
      reason
    }
  }
`);

/** The profile side of the customer 360: who, how to reach them, what they are in, what they bought. */
export function CustomerProfile(props: {
  readonly customer: FragmentType<typeof CustomerProfile_customer>;
  readonly segments: readonly { readonly id: string; readonly name: string }[];
}) {
  const c = getFragmentData(CustomerProfile_customer, props.customer);
  const name = traitText(c.traits, 'name') ?? c.email ?? 'Anonymous customer';
  const segmentName = new Map(props.segments.map((s) => [s.id, s.name]));
  return (
    <div className="c360__profile">
      <section className="panel profile-card" data-testid="customer-profile">
        <div className="avatar" aria-hidden="true">
          {name.slice(0, 1).toUpperCase()}
        </div>
        <div>
          <h1 data-testid="customer-title">{name}</h1>
          {c.email && <p className="cell--email">{c.email}</p>}
          <p className="muted">
            Since {formatDate(c.createdAt)} · updated {formatDate(c.updatedAt)} ·{' '}
            {c.timeZone ?? 'UTC'}
          </p>
        </div>
      </section>

      <section className="panel" aria-labelledby="c-segments">
        <h2 id="c-segments" className="panel__title">
          Segments
        </h2>
        {c.segments.length === 0 ? (
          <p className="muted">
            In no segment now. <Link to="/segments/new">Build one</Link>.
          </p>
        ) : (
          <ul className="tag-list" data-testid="customer-segments">
            {c.segments.map((s) => (
              <li key={s.segmentId}>
                <Link to={`/segments/${s.segmentId}`} className="tag">
                  {segmentName.get(s.segmentId) ?? 'Segment'}
                </Link>
                <span className="muted"> since {formatDate(s.enteredAt)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <ScoresPanel customerId={c.id} scores={c.scores} />

      <section className="panel" aria-labelledby="c-identities">
        <h2 id="c-identities" className="panel__title">
          Identities
        </h2>
        <ul className="identity-list" data-testid="customer-identities">
          {c.identities.map((i) => (
            <li key={`${i.kind}:${i.source}:${i.value}`}>
              <span className="badge">
                {i.kind}
                {i.source ? ` · ${i.source}` : ''}
              </span>{' '}
              <code>{i.value}</code>
            </li>
          ))}
        </ul>
        {c.merges.length > 0 && (
          <p className="muted">
            {c.merges.length} profile{c.merges.length === 1 ? '' : 's'} merged in, last on{' '}
            {formatDate(c.merges[0]!.mergedAt)}.
          </p>
        )}
      </section>

      <TraitsTable traits={c.traits} />
      <ConsentPanel consent={c.consent} history={c.consentHistory} />

      <section className="panel" aria-labelledby="c-orders">
        <h2 id="c-orders" className="panel__title">
          Orders
        </h2>
        {c.orders.length === 0 ? (
          <p className="muted">
            No orders: they come from <code>Order Completed</code> events.
          </p>
        ) : (
          <table className="table table--compact" data-testid="customer-orders">
            <tbody>
              {c.orders.map((o) => (
                <tr key={o.orderId}>
                  <td>
                    <code>{o.orderId}</code>
                    <div className="muted table__sub">
                      {o.items.map((i) => `${i.quantity} × ${i.name ?? i.productId}`).join(', ')}
                    </div>
                  </td>
                  <td className="cell--number">
                    {formatAmount(o.amount)} {o.currency}
                  </td>
                  <td>{formatDate(o.occurredAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
