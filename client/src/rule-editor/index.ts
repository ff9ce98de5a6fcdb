/** The rule editor, shared by the segment builder and the journey editor. See client/CONTEXT.md. */
export { RuleEditor, type RuleEditorProps } from './RuleEditor';
export { PropertyFilterEditor, type PropertyFilterEditorProps } from './PropertyFilterEditor';
export type {
  CatalogField,
  EditorCatalog,
  RowProblem,
  RuleDraft,
  SegmentOption,
} from './draft.types';
export { editorCatalog, ruleCatalog, type ApiCatalog } from './catalog';
export { checkDraft, withSeverity, type DraftCheck } from './check-draft';
export { emptyDraft, newNodeId, prepareDraft } from './prepare-draft';
export { describeNode } from './describe-node';
export { childrenOf } from './tree';
