import { createBrowserRouter, redirect } from 'react-router';
import { CustomerPage } from './customers/CustomerPage';
import { CustomersPage } from './customers/CustomersPage';
import { JourneyEditorPage } from './journeys/JourneyEditorPage';
import { JourneysPage } from './journeys/JourneysPage';
import { PlaygroundPage } from './playground/PlaygroundPage';
import { AppShell } from './shell/AppShell';
import { NotFoundPage } from './shell/NotFoundPage';
import { RouteError } from './shell/RouteError';
import { SegmentBuilderPage } from './segments/SegmentBuilderPage';
import { SegmentsPage } from './segments/SegmentsPage';

/** Every page of the app. Created once, at module scope. */
export const router = createBrowserRouter([
  {
    path: '/',
    element: <AppShell />,
    errorElement: <RouteError />,
    children: [
      { index: true, loader: () => redirect('/customers') },
      { path: 'customers', element: <CustomersPage /> },
      { path: 'customers/:id', element: <CustomerPage /> },
      { path: 'segments', element: <SegmentsPage /> },
      { path: 'segments/new', element: <SegmentBuilderPage /> },
      { path: 'segments/:id', element: <SegmentBuilderPage /> },
      { path: 'journeys', element: <JourneysPage /> },
      { path: 'journeys/:id', element: <JourneyEditorPage /> },
      { path: 'playground', element: <PlaygroundPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
