import { useQuery } from 'urql';
import { useDebouncedValue } from '../customers/useDebouncedValue';
import { getFragmentData, graphql, type FragmentType } from '../gql';
import { withSeverity, type RowProblem, type RuleDraft } from '../rule-editor';

/** How long the draft must stay unchanged before the audience is counted again. */
export const PREVIEW_DEBOUNCE_MS = 400;
export const SAMPLE_SIZE = 8;

/** A problem in a rule as the builder shows it on its row (read with `getFragmentData`). */
export const RuleProblem_problem = graphql(`
  fragment RuleProblem_problem on RuleProblem {
    code
    message
    path
    nodeId
  }
`);

/** The server's problems as rows show them. */
export function rowProblems(
  problems: readonly FragmentType<typeof RuleProblem_problem>[],
): RowProblem[] {
  return problems.map((p) => withSeverity(getFragmentData(RuleProblem_problem, p)));
}

const SegmentPreviewQuery = graphql(`
  query SegmentPreviewQuery($rule: JSONObject!, $sampleSize: Int!) {
    segmentPreview(rule: $rule, sampleSize: $sampleSize) {
      count
      problems {
        ...RuleProblem_problem
      }
      warnings {
        ...RuleProblem_problem
      }
      sample {
        id
        email
        traits
      }
    }
  }
`);

/**
 * The live audience of a draft: counted by the server once the draft has settled, and not at all
 * while the browser's own check finds blocking problems. `stale` is true while the numbers shown
 * belong to an earlier draft.
 */
export function useSegmentPreview(draft: RuleDraft, blocked: boolean) {
  const settled = useDebouncedValue(draft, PREVIEW_DEBOUNCE_MS);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: SegmentPreviewQuery,
    variables: { rule: settled as unknown as Record<string, unknown>, sampleSize: SAMPLE_SIZE },
    pause: blocked,
  });
  return {
    preview: data?.segmentPreview,
    error,
    stale: fetching || settled !== draft,
    retry: () => reexecute({ requestPolicy: 'network-only' }),
  };
}
