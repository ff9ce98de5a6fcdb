import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { useMemo } from 'react';
import { GRAPHQL_URL } from '../api/createCairnClient';
import { exampleTabs, type ExampleIds } from './examples';

/** Shown on the first visit; afterwards GraphiQL restores the user's own tabs. */
export const DEFAULT_QUERY = `# Ctrl+Enter (or the run button) runs the query.
# Your API key is in the Authorization header (Headers, below).
# The other tabs hold examples: membership check, customer 360, track, identify, segment preview,
# KPI values.
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

/**
 * GraphiQL with the API key in the fetcher and, so developers see it, in the headers editor;
 * on a first visit the example operations open as tabs, their variables filled from `ids`.
 */
export default function Playground({
  apiKey,
  ids,
}: {
  readonly apiKey: string;
  readonly ids: ExampleIds;
}) {
  const authorization = `Bearer ${apiKey}`;
  const fetcher = useMemo(
    () => createGraphiQLFetcher({ url: GRAPHQL_URL, headers: { Authorization: authorization } }),
    [authorization],
  );
  const headers = JSON.stringify({ Authorization: authorization }, null, 2);
  const tabs = useMemo(
    () => [
      { query: DEFAULT_QUERY, headers },
      ...exampleTabs(ids).map((tab) => ({ ...tab, headers })),
    ],
    [ids, headers],
  );
  return (
    <GraphiQL
      fetcher={fetcher}
      defaultQuery={DEFAULT_QUERY}
      defaultTabs={tabs}
      initialHeaders={headers}
      defaultHeaders={headers}
      defaultEditorToolsVisibility="headers"
    />
  );
}
