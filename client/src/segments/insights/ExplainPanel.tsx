import { useState } from 'react';
import { useQuery } from 'urql';
import { useDebouncedValue } from '../../customers/useDebouncedValue';
import { graphql } from '../../gql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { LoadingState } from '../../ui/LoadingState';
import { ExplanationTree, type ExplanationNode } from './ExplanationTree';

const ExplainPickQuery = graphql(`
  query ExplainPickQuery($search: String) {
    customers(first: 8, search: $search) {
      edges {
        node {
          id
          email
          traits
        }
      }
    }
  }
`);

const ExplainSegmentQuery = graphql(`
  query ExplainSegmentQuery($customerId: ID!, $segmentId: ID!) {
    explainSegment(customerId: $customerId, segmentId: $segmentId) {
      member
      result
      explanation
    }
  }
`);

/** Why a chosen customer is, or is not, in the segment: the rule evaluated for them, node by node. */
export function ExplainPanel({ segmentId }: { readonly segmentId: string }) {
  const [search, setSearch] = useState('');
  const [customerId, setCustomerId] = useState<string>();
  const settled = useDebouncedValue(search.trim(), 250);
  const [{ data }] = useQuery({
    query: ExplainPickQuery,
    variables: { search: settled === '' ? null : settled },
  });
  const customers = data?.customers.edges.map((e) => e.node) ?? [];
  return (
    <div className="explain" data-testid="explain">
      <div className="explain__pick">
        <input
          type="search"
          className="input"
          placeholder="Find a customer by name or email"
          aria-label="Find a customer"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <ul className="pick-list">
          {customers.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                className={`pick-list__item${c.id === customerId ? ' pick-list__item--on' : ''}`}
                aria-pressed={c.id === customerId}
                onClick={() => setCustomerId(c.id)}
              >
                {typeof c.traits['name'] === 'string' ? c.traits['name'] : (c.email ?? c.id)}
                <span className="muted"> {c.email}</span>
              </button>
            </li>
          ))}
        </ul>
      </div>
      <div className="explain__result">
        {customerId ? (
          <Explanation segmentId={segmentId} customerId={customerId} />
        ) : (
          <p className="muted">Choose a customer to see which conditions they meet.</p>
        )}
      </div>
    </div>
  );
}

function Explanation({
  segmentId,
  customerId,
}: {
  readonly segmentId: string;
  readonly customerId: string;
}) {
  const [{ data, error }, reexecute] = useQuery({
    query: ExplainSegmentQuery,
    variables: { segmentId, customerId },
  });
  if (error && !data)
    return (
      <ErrorNotice
        title="Could not explain"
        error={error}
        onRetry={() => reexecute({ requestPolicy: 'network-only' })}
      />
    );
  if (!data) return <LoadingState label="Evaluating the rule for this customer…" />;
  const { member, result, explanation } = data.explainSegment;
  return (
    <div data-testid="explanation">
      <p className={`verdict verdict--${result ? 'in' : 'out'}`} data-testid="explain-verdict">
        {result ? 'Matches the rule now' : 'Does not match the rule now'}
        <span className="muted"> · stored membership: {member ? 'member' : 'not a member'}</span>
      </p>
      <ExplanationTree node={explanation as unknown as ExplanationNode} />
    </div>
  );
}
