import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import './360/customer-360.css';
import { EmptyState } from '../ui/EmptyState';
import { ErrorNotice } from '../ui/ErrorNotice';
import { LoadingState } from '../ui/LoadingState';
import { CustomerProfile } from './360/CustomerProfile';
import { CustomerTimeline } from './360/CustomerTimeline';
import { JourneysPanel } from './360/JourneysPanel';

const CustomerPageQuery = graphql(`
  query CustomerPageQuery($id: ID!) {
    customer(id: $id) {
      id
      ...CustomerProfile_customer
      ...JourneysPanel_customer
    }
    segments(includeArchived: true) {
      id
      name
    }
  }
`);

/** `/customers/:id`: the customer 360 — profile, identities, traits, segments, scores with history, consent, orders, journeys, timeline. */
export function CustomerPage() {
  const { id = '' } = useParams();
  const [{ data, error }, reexecute] = useQuery({
    query: CustomerPageQuery,
    variables: { id },
    requestPolicy: 'cache-and-network',
  });
  return (
    <div className="page page--wide">
      <title>Customer · Cairn</title>
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <Link to="/customers">Customers</Link> <span aria-hidden="true">/</span>{' '}
        <span>Profile</span>
      </nav>
      {error && !data ? (
        <ErrorNotice
          title="Could not load the customer"
          error={error}
          onRetry={() => reexecute({ requestPolicy: 'network-only' })}
        />
      ) : !data ? (
        <LoadingState label="Loading the customer…" />
      ) : !data.customer ? (
        <EmptyState title="No such customer" testId="customer-missing">
          <p className="muted">
            The profile may have been merged into another one or erased. Search for the person
            instead.
          </p>
          <Link to="/customers" className="button">
            Search customers
          </Link>
        </EmptyState>
      ) : (
        <div className="c360">
          <CustomerProfile customer={data.customer} segments={data.segments} />
          <div className="c360__main">
            <JourneysPanel customer={data.customer} />
            <CustomerTimeline customerId={data.customer.id} />
          </div>
        </div>
      )}
    </div>
  );
}
