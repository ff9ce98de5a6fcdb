import { createBrowserRouter, redirect } from 'react-router';
import { CustomersPage } from './customers/CustomersPage';
import { PlaygroundPage } from './playground/PlaygroundPage';
import { AppShell } from './shell/AppShell';
import { NotFoundPage } from './shell/NotFoundPage';
import { RouteError } from './shell/RouteError';

/** Every page of the app. Created once, at module scope. */
export const router = createBrowserRouter([
  {
    path: '/',
    element: <AppShell />,
    errorElement: <RouteError />,
    children: [
      { index: true, loader: () => redirect('/customers') },
      { path: 'customers', element: <CustomersPage /> },
      { path: 'playground', element: <PlaygroundPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
