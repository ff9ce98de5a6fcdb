import { lazy, Suspense, useMemo } from 'react';
import { useQuery } from 'urql';
import { useConnection } from '../connection/useConnection';
import { graphql } from '../gql';
import { LoadingState } from '../ui/LoadingState';
import type { ExampleIds } from './examples';

// GraphiQL brings Monaco (several MB): load it only when the playground is opened.
const Playground = lazy(() => import('./Playground'));

const PlaygroundIdsQuery = graphql(`
  query PlaygroundIdsQuery {
    customers(first: 1) {
      edges {
        node {
          id
          email
        }
      }
    }
    segments {
      id
    }
    journeys(status: "active") {
      id
    }
  }
`);

/** `/playground`: GraphiQL against this server, authenticated with the current API key. */
export function PlaygroundPage() {
  const { apiKey } = useConnection();
  // Ids for the examples' variables; the playground opens without them if the query fails.
  const [{ data, error }] = useQuery({ query: PlaygroundIdsQuery, requestPolicy: 'network-only' });
  const ids = useMemo<ExampleIds | undefined>(() => {
    if (error) return {};
    if (!data) return undefined;
    const customer = data.customers.edges[0]?.node;
    const segmentId = data.segments[0]?.id;
    const journeyId = data.journeys[0]?.id;
    return {
      ...(customer ? { customer } : {}),
      ...(segmentId ? { segmentId } : {}),
      ...(journeyId ? { journeyId } : {}),
    };
  }, [data, error]);
  return (
    <div className="playground" data-testid="playground">
      <title>Playground · Cairn</title>
      <Suspense fallback={<LoadingState label="Loading the playground…" />}>
        {apiKey && ids ? (
          <Playground apiKey={apiKey} ids={ids} />
        ) : (
          <LoadingState label="Loading the playground…" />
        )}
      </Suspense>
    </div>
  );
}
