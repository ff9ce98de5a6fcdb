import { Link, NavLink, Outlet } from 'react-router';
import { useConnection } from '../connection/useConnection';
import { WorkspaceName } from './WorkspaceName';

const navClass = ({ isActive }: { isActive: boolean }) =>
  isActive ? 'nav__link nav__link--active' : 'nav__link';

/** The frame around every page: product, workspace, navigation. */
export function AppShell() {
  const { disconnect } = useConnection();
  return (
    <div className="shell">
      <header className="header">
        <Link to="/customers" className="brand" aria-label="Cairn home">
          <span className="brand__mark" aria-hidden="true" />
          Cairn
        </Link>
        <WorkspaceName />
        <nav className="nav" aria-label="Main">
          <NavLink to="/journeys" className={navClass}>
            Journeys
          </NavLink>
          <NavLink to="/segments" className={navClass}>
            Segments
          </NavLink>
          <NavLink to="/customers" className={navClass}>
            Customers
          </NavLink>
          <NavLink to="/playground" className={navClass}>
            Playground
          </NavLink>
        </nav>
        <button
          type="button"
          className="button button--ghost header__end"
          onClick={() => disconnect()}
        >
          Change API key
        </button>
      </header>
      <main className="main">
        <Outlet />
      </main>
    </div>
  );
}
