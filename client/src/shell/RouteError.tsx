import { Link, useRouteError } from 'react-router';

/** Shown when a page throws while rendering: says what broke and offers a way out. */
export function RouteError() {
  const error = useRouteError();
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div className="page page--narrow">
      <title>Error · Cairn</title>
      <section className="state state--error" role="alert">
        <h1 className="state__title">This page failed to load</h1>
        <p>
          <code className="badge badge--error">CLIENT_ERROR</code> {message}
        </p>
        <p className="muted">Reload the page; if it happens again, report the message above.</p>
        <p>
          <button type="button" className="button" onClick={() => window.location.reload()}>
            Reload
          </button>{' '}
          <Link to="/customers" className="button button--ghost">
            Go to Customers
          </Link>
        </p>
      </section>
    </div>
  );
}
