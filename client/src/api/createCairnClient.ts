import { cacheExchange, Client, fetchExchange, mapExchange } from 'urql';
import { errorCode } from './describeError';

/** Same-origin in production (the server serves the app) and in development (Vite proxies it). */
export const GRAPHQL_URL = '/graphql';

/**
 * The urql client for one API key. Every response is watched for `UNAUTHENTICATED`, so a key that
 * stops working (revoked, database reset) sends the user back to the Connect screen.
 */
export function createCairnClient(
  apiKey: string,
  onUnauthenticated: (message: string) => void,
): Client {
  return new Client({
    url: GRAPHQL_URL,
    // POST only: the API is documented as POST /graphql, and GET would put searches in server logs.
    preferGetMethod: false,
    fetchOptions: { headers: { Authorization: `Bearer ${apiKey}` } },
    exchanges: [
      mapExchange({
        onError(error) {
          if (errorCode(error) !== 'UNAUTHENTICATED') return;
          const first = error.graphQLErrors.find((e) => e.extensions['code'] === 'UNAUTHENTICATED');
          onUnauthenticated(first?.message ?? error.message);
        },
      }),
      cacheExchange,
      fetchExchange,
    ],
  });
}
