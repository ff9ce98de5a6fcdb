import type { RuleDocument } from '@cairn/schema';
import { useMemo } from 'react';
import { newNodeId, prepareDraft, RuleEditor } from '../../rule-editor';
import { useInspectorData } from './InspectorContext';

/** The segment builder's rule editor, for a condition or a split branch. */
export function RuleField({
  rule,
  onChange,
}: {
  readonly rule: RuleDocument;
  readonly onChange: (rule: RuleDocument) => void;
}) {
  const { catalog, segments } = useInspectorData();
  const draft = useMemo(() => prepareDraft(rule, newNodeId), [rule]);
  return (
    <div className="rule-field">
      <RuleEditor value={draft} onChange={onChange} catalog={catalog} segments={segments} />
    </div>
  );
}
