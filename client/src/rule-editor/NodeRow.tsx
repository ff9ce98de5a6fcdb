import type { ConditionNode, EditorNode } from './draft.types';
import { ConditionRow } from './ConditionRow';
import { GroupBox, type Scope } from './GroupBox';
import { groupView } from './group-view';
import { RowActions } from './RowActions';
import { RowProblems } from './RowProblems';
import { useRuleEditor } from './RuleEditorContext';

/** One entry of a group: a nested group box, a negated row, or a condition. */
export function NodeRow({ node, scope }: { readonly node: EditorNode; readonly scope: Scope }) {
  const { problems } = useRuleEditor();
  if (groupView(node)) return <GroupBox node={node} scope={scope} />;
  if (node.kind === 'not') {
    return (
      <div className="re-not" data-testid="re-not" data-node-id={node.id}>
        <header className="re-not__header">
          <span className="re-kind re-kind--not">Not</span>
          <RowActions id={node.id!} what="negation" />
        </header>
        <RowProblems problems={problems.get(node.id!)} />
        <NodeRow node={node.child} scope={scope} />
      </div>
    );
  }
  return <ConditionRow node={node as ConditionNode} scope={scope} />;
}
