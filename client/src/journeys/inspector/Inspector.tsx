import { assertUnreachable } from '@cairn/schema';
import { removeElements } from '../editor/commands/remove-elements';
import { updateSettings, updateStep } from '../editor/commands/update-step';
import { useEditorStore } from '../editor/EditorStoreContext';
import type { FlowNode, StepBody } from '../editor/flow.types';
import { selectSelectedNode, selectSettings } from '../editor/selectors';
import { useEditor } from '../editor/useEditor';
import { STEP_KINDS } from '../canvas/step-meta';
import { StepIcon } from '../canvas/StepIcon';
import { ActionFields } from './ActionFields';
import { ConditionFields, RandomSplitFields, SplitFields } from './DecisionFields';
import { TextField } from './fields';
import { GoalFields } from './GoalFields';
import { OutputsFields } from './OutputsFields';
import { SettingsFields } from './SettingsFields';
import { TriggerFields } from './TriggerFields';
import { WaitFields } from './WaitFields';

/** The selected step's settings, or the journey's when nothing (or several) is selected. */
export function Inspector({ readOnly }: { readonly readOnly: boolean }) {
  const store = useEditorStore();
  const node = useEditor(selectSelectedNode);
  const settings = useEditor(selectSettings);
  if (!node)
    return (
      <aside className="inspector" aria-label="Journey settings" data-testid="inspector">
        <h2 className="inspector__title">Journey settings</h2>
        <p className="muted">Select a step to edit it.</p>
        <fieldset disabled={readOnly} className="inspector__fields">
          <SettingsFields
            settings={settings}
            onChange={(s) => store.run((d) => updateSettings(d, s))}
          />
        </fieldset>
      </aside>
    );
  const onChange = (step: StepBody) => store.run((d) => updateStep(d, node.id, step));
  const meta = STEP_KINDS[node.data.step.kind];
  return (
    <aside className="inspector" aria-label={`${meta.title} settings`} data-testid="inspector">
      <h2 className="inspector__title">
        <span className={`step--${meta.tone} inspector__icon`}>
          <StepIcon kind={node.data.step.kind} />
        </span>
        {meta.title}
      </h2>
      <fieldset disabled={readOnly} className="inspector__fields">
        <TextField
          label="Name"
          value={node.data.step.label ?? ''}
          onChange={(label) => onChange({ ...node.data.step, label })}
          testId="step-name"
        />
        <KindFields node={node} onChange={onChange} />
        <OutputsFields nodeId={node.id} />
        <button
          type="button"
          className="button button--danger"
          onClick={() => store.run((d) => removeElements(d, new Set([node.id])))}
          title="Or press Delete with the step selected on the canvas"
          data-testid="delete-step"
        >
          Delete step
        </button>
      </fieldset>
    </aside>
  );
}

function KindFields({ node, onChange }: { node: FlowNode; onChange: (s: StepBody) => void }) {
  const step = node.data.step;
  switch (step.kind) {
    case 'trigger':
      return <TriggerFields step={step} onChange={onChange} />;
    case 'wait':
      return <WaitFields step={step} onChange={onChange} />;
    case 'condition':
      return <ConditionFields step={step} onChange={onChange} />;
    case 'split':
      return <SplitFields step={step} onChange={onChange} />;
    case 'randomSplit':
      return <RandomSplitFields step={step} onChange={onChange} />;
    case 'action':
      return <ActionFields step={step} onChange={onChange} />;
    case 'goal':
      return <GoalFields step={step} onChange={onChange} />;
    case 'exit':
      return <p className="muted">Customers who reach this step leave the journey.</p>;
    default:
      return assertUnreachable(step);
  }
}
