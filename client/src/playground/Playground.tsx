import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { useMemo } from 'react';
import { GRAPHQL_URL } from '../api/createCairnClient';

/** Shown on the first visit; afterwards GraphiQL restores the user's own tabs. */
export const DEFAULT_QUERY = `# Ctrl+Enter (or the run button) runs the query.
# Your API key is in the Authorization header (Headers, below).
query FirstCustomersQuery {
  customers(first: 5) {
    totalCount
    edges {
      node {
        id
        email
        traits
      }
    }
  }
}
`;

/** GraphiQL with the API key in the fetcher and, so developers see it, in the headers editor. */
export default function Playground({ apiKey }: { readonly apiKey: string }) {
  const authorization = `Bearer ${apiKey}`;
  const fetcher = useMemo(
    () => createGraphiQLFetcher({ url: GRAPHQL_URL, headers: { Authorization: authorization } }),
    [authorization],
  );
  const headers = JSON.stringify({ Authorization: authorization }, null, 2);
  return (
    <GraphiQL
      fetcher={fetcher}
      defaultQuery={DEFAULT_QUERY}
      initialHeaders={headers}
      defaultHeaders={headers}
      defaultEditorToolsVisibility="headers"
    />
  );
}
