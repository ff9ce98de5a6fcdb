import { useMemo } from 'react';
import { RouterProvider } from 'react-router';
import { Provider as UrqlProvider } from 'urql';
import { createCairnClient } from './api/createCairnClient';
import { ConnectionContext } from './connection/ConnectionContext';
import { ConnectScreen } from './connection/ConnectScreen';
import { useApiKey } from './connection/useApiKey';
import { router } from './router';
import { ToastProvider } from './ui/toast/ToastProvider';

/** The Connect screen until there is an API key; then the app, with a GraphQL client for that key. */
export function App() {
  const connection = useApiKey();
  const { apiKey, disconnect } = connection;
  const client = useMemo(
    () => (apiKey === undefined ? undefined : createCairnClient(apiKey, disconnect)),
    [apiKey, disconnect],
  );
  return (
    <ConnectionContext value={connection}>
      {client ? (
        <UrqlProvider value={client}>
          <ToastProvider>
            <RouterProvider router={router} />
          </ToastProvider>
        </UrqlProvider>
      ) : (
        <ConnectScreen />
      )}
    </ConnectionContext>
  );
}
