import { createContext, use } from 'react';
import type { EditorCatalog, NewId, RowProblem, RuleDraft, SegmentOption } from './draft.types';

/** What every row of one editor shares: the catalog, the problems per row, and how to edit. */
export interface RuleEditorState {
  readonly catalog: EditorCatalog;
  readonly segments: readonly SegmentOption[];
  /** The segment being edited (left out of the segment picker). */
  readonly segmentId: string | undefined;
  readonly problems: ReadonlyMap<string, readonly RowProblem[]>;
  /** Applies an editing operation to the current draft. */
  readonly apply: (operation: (draft: RuleDraft) => RuleDraft) => void;
  readonly newId: NewId;
  /** `YYYY-MM-DD`, for default dates. */
  readonly today: string;
  /** The root's id: the root box has no move or remove buttons. */
  readonly rootId: string | undefined;
}

export const RuleEditorContext = createContext<RuleEditorState | null>(null);

/** The editor's shared state; only rows inside `RuleEditor` call it. */
export function useRuleEditor(): RuleEditorState {
  const state = use(RuleEditorContext);
  if (!state) throw new Error('useRuleEditor must be called inside <RuleEditor>.');
  return state;
}
