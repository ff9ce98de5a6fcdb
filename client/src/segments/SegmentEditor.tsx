import { useCallback, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { describeError } from '../api/describeError';
import { getFragmentData, graphql } from '../gql';
import {
  checkDraft,
  emptyDraft,
  newNodeId,
  prepareDraft,
  RuleEditor,
  type EditorCatalog,
  type RowProblem,
  type RuleDraft,
  type SegmentOption,
} from '../rule-editor';
import { useToast } from '../ui/toast/ToastContext';
import { AudiencePanel } from './AudiencePanel';
import { SegmentInsights } from './insights/SegmentInsights';
import { rowProblems, useSegmentPreview } from './useSegmentPreview';

const SaveResult = graphql(`
  fragment SegmentEditor_payload on SegmentPayload {
    segment {
      id
      name
      version
      size
    }
    problems {
      ...RuleProblem_problem
    }
    warnings {
      ...RuleProblem_problem
    }
  }
`);

const CreateSegmentMutation = graphql(`
  mutation CreateSegmentMutation($input: SegmentInput!) {
    createSegment(input: $input) {
      ...SegmentEditor_payload
    }
  }
`);

const UpdateSegmentMutation = graphql(`
  mutation UpdateSegmentMutation($id: ID!, $input: SegmentInput!) {
    updateSegment(id: $id, input: $input) {
      ...SegmentEditor_payload
    }
  }
`);

const ArchiveSegmentMutation = graphql(`
  mutation ArchiveSegmentMutation($id: ID!) {
    archiveSegment(id: $id) {
      id
      archivedAt
    }
  }
`);

export interface EditedSegment {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly rule: Record<string, unknown>;
  readonly version: number;
  readonly size: number;
  readonly archivedAt?: string | null;
}

/** The builder: name, rules, live audience, save (a new version each time), and the saved segment's insights. */
export function SegmentEditor(props: {
  readonly segment: EditedSegment | undefined;
  readonly catalog: EditorCatalog;
  readonly segments: readonly SegmentOption[];
}) {
  const { segment, catalog, segments } = props;
  const toast = useToast();
  const navigate = useNavigate();
  const [name, setName] = useState(segment?.name ?? '');
  const [description, setDescription] = useState(segment?.description ?? '');
  const [draft, setDraftState] = useState<RuleDraft>(() =>
    segment ? prepareDraft(segment.rule as unknown as RuleDraft, newNodeId) : emptyDraft(newNodeId),
  );
  const [saveProblems, setSaveProblems] = useState<readonly RowProblem[]>([]);
  const [nameError, setNameError] = useState<string>();
  const setDraft = useCallback((next: RuleDraft) => {
    setDraftState(next);
    setSaveProblems([]);
  }, []);
  const check = useMemo(
    () => checkDraft(draft, catalog, segments, segment?.id),
    [draft, catalog, segments, segment?.id],
  );
  const { preview, stale, error, retry } = useSegmentPreview(draft, check.blocking);
  const problems = useMemo(
    () => [...(check.blocking ? [] : rowProblems(preview?.problems ?? [])), ...saveProblems],
    [check.blocking, preview, saveProblems],
  );
  const [created, create] = useMutation(CreateSegmentMutation);
  const [updated, update] = useMutation(UpdateSegmentMutation);
  const [, archive] = useMutation(ArchiveSegmentMutation);
  const saving = created.fetching || updated.fetching;

  const save = async () => {
    if (name.trim() === '') {
      setNameError('Give the segment a name (1 to 200 characters).');
      return;
    }
    setNameError(undefined);
    const input = {
      name: name.trim(),
      description,
      rule: draft as unknown as Record<string, unknown>,
    };
    const result = segment ? await update({ id: segment.id, input }) : await create({ input });
    if (result.error) {
      const { message, hint } = describeError(result.error);
      if (result.error.graphQLErrors.some((e) => e.extensions['field'])) setNameError(message);
      toast('error', `Not saved: ${message}${hint ? ` ${hint}` : ''}`);
      return;
    }
    const payload =
      result.data &&
      ('createSegment' in result.data ? result.data.createSegment : result.data.updateSegment);
    const saved = payload ? getFragmentData(SaveResult, payload) : undefined;
    if (!saved) return;
    if (!saved.segment) {
      setSaveProblems(rowProblems(saved.problems));
      toast(
        'error',
        `Not saved: ${saved.problems.length} problem${saved.problems.length === 1 ? '' : 's'} in the rule, marked on the rows.`,
      );
      return;
    }
    toast(
      'success',
      `Saved “${saved.segment.name}” (version ${saved.segment.version}, ${saved.segment.size.toLocaleString()} members).`,
    );
    if (!segment) navigate(`/segments/${saved.segment.id}`, { replace: true });
  };

  return (
    <>
      <div className="builder">
        <div className="builder__main">
          <div className="panel builder__meta">
            <label className="field">
              <span className="field__label">Name</span>
              <input
                className="input"
                value={name}
                maxLength={200}
                placeholder="e.g. Engaged buyers in France"
                onChange={(e) => setName(e.target.value)}
                aria-invalid={nameError !== undefined}
                data-testid="segment-name-input"
              />
              {nameError && <span className="field-error">{nameError}</span>}
            </label>
            <label className="field">
              <span className="field__label">Description</span>
              <input
                className="input"
                value={description}
                placeholder="What this audience is for (optional)"
                onChange={(e) => setDescription(e.target.value)}
              />
            </label>
          </div>
          <RuleEditor
            value={draft}
            onChange={setDraft}
            catalog={catalog}
            problems={problems}
            segments={segments}
            {...(segment ? { segmentId: segment.id } : {})}
          />
          <div className="builder__actions">
            <button
              type="button"
              className="button button--primary"
              onClick={() => void save()}
              disabled={saving || check.blocking}
              title={check.blocking ? 'Fix the problems marked in red first' : undefined}
              data-testid="save-segment"
            >
              {saving
                ? 'Saving…'
                : segment
                  ? `Save as version ${segment.version + 1}`
                  : 'Save segment'}
            </button>
            {segment && !segment.archivedAt && (
              <button
                type="button"
                className="button button--ghost"
                onClick={async () => {
                  const result = await archive({ id: segment.id });
                  if (result.error)
                    toast('error', `Not archived: ${describeError(result.error).message}`);
                  else {
                    toast('success', `Archived “${segment.name}”.`);
                    navigate('/segments');
                  }
                }}
              >
                Archive
              </button>
            )}
            {check.blocking && (
              <span className="field-error">Fix the problems marked in red to save.</span>
            )}
          </div>
        </div>
        <AudiencePanel
          preview={preview}
          stale={stale}
          blocked={check.blocking}
          error={error}
          onRetry={retry}
        />
      </div>
      {segment && (
        <SegmentInsights
          segmentId={segment.id}
          catalog={catalog}
          onRestore={(rule) => setDraft(prepareDraft(rule, newNodeId))}
        />
      )}
    </>
  );
}
