import { useQuery } from 'urql';
import { graphql } from '../gql';

const WorkspaceNameQuery = graphql(`
  query WorkspaceNameQuery {
    workspace {
      id
      name
    }
  }
`);

/** The name of the API key's workspace, shown in the header. */
export function WorkspaceName() {
  const [{ data, error }] = useQuery({ query: WorkspaceNameQuery });
  if (error) {
    return (
      <span className="workspace workspace--error" title={error.message}>
        Workspace unavailable
      </span>
    );
  }
  return (
    <span className="workspace" data-testid="workspace-name" aria-busy={!data}>
      {data ? data.workspace.name : '…'}
    </span>
  );
}
