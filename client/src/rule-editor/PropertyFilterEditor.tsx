import type { FilterNode } from '@cairn/schema';
import { useMemo } from 'react';
import { checkDraft, problemsByNode } from './check-draft';
import { newPropertyFilter } from './defaults';
import type { EditorCatalog, NewId, RowProblem } from './draft.types';
import { filterDraft, whereOf } from './filter-draft';
import { GroupBox } from './GroupBox';
import { addPropertyFilter } from './ops/add-property-filter';
import { newNodeId } from './prepare-draft';
import { RowProblems } from './RowProblems';
import { RuleEditorContext, type RuleEditorState } from './RuleEditorContext';
import { nodeIds } from './tree';
import './rule-editor.css';

export interface PropertyFilterEditorProps {
  /** The event whose properties are filtered: the property picker offers the catalog's paths for it. */
  readonly event: string;
  /** The filter (an event's `where`); undefined when every event of the name counts. */
  readonly value: FilterNode | undefined;
  /** Called with the next filter after every edit; undefined when the filters are removed. */
  readonly onChange: (next: FilterNode | undefined) => void;
  readonly catalog: EditorCatalog;
  /** Problems from elsewhere, shown on their rows beside the editor's own. */
  readonly problems?: readonly RowProblem[];
  readonly newId?: NewId;
}

const NO_PROBLEMS: readonly RowProblem[] = [];

/**
 * The rule editor's property-filter rows for an event that is not inside a rule: a journey's
 * trigger, a wait for an event, a goal. The same rows as an event condition's `where` in the
 * segment builder (path from the catalog's properties of the event, type, operator, value;
 * groups of them), checked as you type.
 *
 * @example
 * <PropertyFilterEditor event="Order Completed" value={where} onChange={setWhere} catalog={catalog} />
 */
export function PropertyFilterEditor(props: PropertyFilterEditorProps) {
  const { event, value, onChange, catalog } = props;
  const newId = props.newId ?? newNodeId;
  const extra = props.problems ?? NO_PROBLEMS;
  const draft = useMemo(() => filterDraft(event, value, newId), [event, value, newId]);
  const check = useMemo(() => checkDraft(draft, catalog, []), [draft, catalog]);
  const where = whereOf(draft);
  const state = useMemo<RuleEditorState>(
    () => ({
      draft,
      catalog,
      segments: [],
      segmentId: undefined,
      problems: problemsByNode([...check.problems, ...extra], nodeIds(draft.root)),
      apply: (operation) => onChange(whereOf(operation(draft))),
      newId,
      today: new Date().toISOString().slice(0, 10),
      // The filter's own box reads as a root: no move buttons (it has nowhere to go).
      rootId: whereOf(draft)?.id,
    }),
    [draft, catalog, check, extra, onChange, newId],
  );
  const addFirst = () =>
    state.apply((d) =>
      addPropertyFilter(d, d.root.id!, newPropertyFilter(event, state), state.newId()),
    );
  return (
    <RuleEditorContext value={state}>
      <div className="rule-editor re-filters" data-testid="property-filters">
        <RowProblems problems={state.problems.get('')} />
        {where ? (
          <>
            <GroupBox node={where} scope={{ kind: 'filter', event }} />
            <button type="button" className="re-link" onClick={() => onChange(undefined)}>
              Remove the property filters
            </button>
          </>
        ) : (
          <button
            type="button"
            className="re-link"
            onClick={addFirst}
            data-testid="add-property-filter"
          >
            + Filter by property
          </button>
        )}
      </div>
    </RuleEditorContext>
  );
}
