import { Link } from 'react-router';
import { getFragmentData, graphql, type FragmentType } from '../gql';
import { formatAmount, formatDate, traitText } from './format';

export const CustomerRow_customer = graphql(`
  fragment CustomerRow_customer on Customer {
    id
    email
    traits
    createdAt
  }
`);

const EMPTY = '—';

/** One customer in the table; the `data-testid`s are the browser test's hooks. */
export function CustomerRow(props: {
  readonly customer: FragmentType<typeof CustomerRow_customer>;
}) {
  const customer = getFragmentData(CustomerRow_customer, props.customer);
  const { traits } = customer;
  const name = traitText(traits, 'name');
  const ltv = formatAmount(traits['ltv']);
  return (
    <tr data-testid="customer-row" data-customer-id={customer.id}>
      <td data-testid="customer-name" className={name ? undefined : 'muted'}>
        <Link to={`/customers/${customer.id}`} className="table__link">
          {name ?? EMPTY}
        </Link>
      </td>
      <td data-testid="customer-email" className={customer.email ? 'cell--email' : 'muted'}>
        {customer.email ?? EMPTY}
      </td>
      <td data-testid="customer-country">{traitText(traits, 'country') ?? EMPTY}</td>
      <td data-testid="customer-plan">
        {traitText(traits, 'plan') ? (
          <span className="badge">{traitText(traits, 'plan')}</span>
        ) : (
          EMPTY
        )}
      </td>
      <td data-testid="customer-ltv" className="cell--number">
        {ltv ?? EMPTY}
      </td>
      <td data-testid="customer-created">
        <time dateTime={customer.createdAt} title={customer.createdAt}>
          {formatDate(customer.createdAt)}
        </time>
      </td>
    </tr>
  );
}
