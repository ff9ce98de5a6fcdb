import { lazy, Suspense } from 'react';
import { useConnection } from '../connection/useConnection';
import { LoadingState } from '../ui/LoadingState';

// GraphiQL brings Monaco (several MB): load it only when the playground is opened.
const Playground = lazy(() => import('./Playground'));

/** `/playground`: GraphiQL against this server, authenticated with the current API key. */
export function PlaygroundPage() {
  const { apiKey } = useConnection();
  return (
    <div className="playground" data-testid="playground">
      <title>Playground · Cairn</title>
      <Suspense fallback={<LoadingState label="Loading the playground…" />}>
        {apiKey && <Playground apiKey={apiKey} />}
      </Suspense>
    </div>
  );
}
