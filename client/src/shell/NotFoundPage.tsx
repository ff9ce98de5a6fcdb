import { Link, useLocation } from 'react-router';

/** Any URL no route matches. */
export function NotFoundPage() {
  const { pathname } = useLocation();
  return (
    <div className="page page--narrow" data-testid="not-found">
      <title>Page not found · Cairn</title>
      <section className="state">
        <h1 className="state__title">Page not found</h1>
        <p className="muted">
          Nothing lives at <code>{pathname}</code>. Check the address, or start again from the
          customer list.
        </p>
        <Link to="/customers" className="button button--primary">
          Go to Customers
        </Link>
      </section>
    </div>
  );
}
