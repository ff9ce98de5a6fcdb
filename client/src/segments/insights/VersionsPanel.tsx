import { useQuery } from 'urql';
import { formatDate } from '../../customers/format';
import { graphql } from '../../gql';
import type { RuleDraft } from '../../rule-editor';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { LoadingState } from '../../ui/LoadingState';

const SegmentVersionsQuery = graphql(`
  query SegmentVersionsQuery($id: ID!) {
    segment(id: $id) {
      id
      version
      versions {
        version
        name
        createdAt
        rule
      }
    }
  }
`);

/** Every saved version, newest first; an older one can be loaded into the editor (saving makes it the newest). */
export function VersionsPanel(props: {
  readonly segmentId: string;
  readonly onRestore: (rule: RuleDraft) => void;
}) {
  const [{ data, error }, reexecute] = useQuery({
    query: SegmentVersionsQuery,
    variables: { id: props.segmentId },
    requestPolicy: 'cache-and-network',
  });
  if (error && !data)
    return (
      <ErrorNotice
        title="Could not load the versions"
        error={error}
        onRetry={() => reexecute({ requestPolicy: 'network-only' })}
      />
    );
  if (!data?.segment) return <LoadingState label="Loading versions…" />;
  const current = data.segment.version;
  return (
    <ol className="versions" data-testid="versions">
      {data.segment.versions.map((v) => (
        <li key={v.version} className="versions__item">
          <span className="badge">v{v.version}</span>
          <span>{v.name}</span>
          <time className="muted" dateTime={v.createdAt}>
            {formatDate(v.createdAt)}
          </time>
          {v.version === current ? (
            <span className="muted versions__current">current</span>
          ) : (
            <button
              type="button"
              className="button button--small"
              onClick={() => props.onRestore(v.rule as unknown as RuleDraft)}
            >
              Load into editor
            </button>
          )}
        </li>
      ))}
    </ol>
  );
}
