import { useMemo } from 'react';
import { checkDraft, problemsByNode } from './check-draft';
import type { EditorCatalog, NewId, RowProblem, RuleDraft, SegmentOption } from './draft.types';
import { GroupBox } from './GroupBox';
import { newNodeId } from './prepare-draft';
import { RowProblems } from './RowProblems';
import { RuleEditorContext, type RuleEditorState } from './RuleEditorContext';
import { nodeIds } from './tree';
import './rule-editor.css';

export interface RuleEditorProps {
  /** The draft: a rule document whose nodes have ids (run `prepareDraft` on a stored rule first). */
  readonly value: RuleDraft;
  /** Called with the next draft after every edit. */
  readonly onChange: (next: RuleDraft) => void;
  /** The fields and events the pickers offer (`editorCatalog(data.catalog)`). */
  readonly catalog: EditorCatalog;
  /** Problems from elsewhere (the server's preview or save), shown on their rows beside the editor's own. */
  readonly problems?: readonly RowProblem[];
  /** Segments a condition may reference. */
  readonly segments?: readonly SegmentOption[];
  /** The segment being edited: left out of the picker, and references back to it are a cycle. */
  readonly segmentId?: string;
  /** Makes node ids (default: random); tests pass a counter. */
  readonly newId?: NewId;
}

const NO_SEGMENTS: readonly SegmentOption[] = [];
const NO_PROBLEMS: readonly RowProblem[] = [];

/**
 * The visual rule editor: nested groups (all / any / none) of trait, event, score, segment and
 * consent conditions, validated as you type. Self-contained: it needs no page, router or GraphQL
 * client around it; every edit is a pure operation from `ops/` applied to `value`.
 *
 * @example
 * <RuleEditor value={draft} onChange={setDraft} catalog={editorCatalog(data.catalog)} />
 */
export function RuleEditor(props: RuleEditorProps) {
  const { value, onChange, catalog, segmentId } = props;
  const segments = props.segments ?? NO_SEGMENTS;
  const extra = props.problems ?? NO_PROBLEMS;
  const newId = props.newId ?? newNodeId;
  const check = useMemo(
    () => checkDraft(value, catalog, segments, segmentId),
    [value, catalog, segments, segmentId],
  );
  const state = useMemo<RuleEditorState>(() => {
    const problems = problemsByNode([...check.problems, ...extra], nodeIds(value.root));
    return {
      draft: value,
      catalog,
      segments,
      segmentId,
      problems,
      apply: (operation) => onChange(operation(value)),
      newId,
      today: new Date().toISOString().slice(0, 10),
      rootId: value.root.id,
    };
  }, [check, extra, value, catalog, segments, segmentId, onChange, newId]);
  return (
    <RuleEditorContext value={state}>
      <div className="rule-editor" data-testid="rule-editor">
        <RowProblems problems={state.problems.get('')} />
        <GroupBox node={value.root} scope={{ kind: 'rule' }} />
      </div>
    </RuleEditorContext>
  );
}
