import type { StepBody } from '../editor/flow.types';
import { emptyRule, newElementId } from '../editor/new-step';
import { CheckField, NumberField, TextField } from './fields';
import { RuleField } from './RuleField';

type Condition = Extract<StepBody, { kind: 'condition' }>;
type Split = Extract<StepBody, { kind: 'split' }>;
type RandomSplit = Extract<StepBody, { kind: 'randomSplit' }>;

/** Yes when the rule holds for the customer, no otherwise. */
export function ConditionFields(props: { step: Condition; onChange: (s: Condition) => void }) {
  const { step, onChange } = props;
  return (
    <>
      <p className="muted">Customers who match go out of “yes”, the others out of “no”.</p>
      <RuleField rule={step.rule} onChange={(rule) => onChange({ ...step, rule })} />
    </>
  );
}

/** Ordered branches, each a rule; the first that holds wins, the rest go to “else”. */
export function SplitFields({ step, onChange }: { step: Split; onChange: (s: Split) => void }) {
  const setBranch = (i: number, patch: Partial<Split['branches'][number]>) =>
    onChange({
      ...step,
      branches: step.branches.map((b, j) => (j === i ? { ...b, ...patch } : b)),
    });
  const add = () => {
    const n = step.branches.length + 1;
    const handle = newElementId('branch');
    const rule = emptyRule(() => newElementId('r'));
    onChange({ ...step, branches: [...step.branches, { handle, name: `Branch ${n}`, rule }] });
  };
  return (
    <>
      {step.branches.map((b, i) => (
        <section key={b.handle} className="branch">
          <div className="branch__head">
            <TextField
              label={`Branch ${i + 1}`}
              value={b.name}
              onChange={(name) => setBranch(i, { name })}
            />
            <button
              type="button"
              className="button button--ghost"
              disabled={step.branches.length === 1}
              onClick={() =>
                onChange({ ...step, branches: step.branches.filter((_, j) => j !== i) })
              }
            >
              Remove
            </button>
          </div>
          <RuleField rule={b.rule} onChange={(rule) => setBranch(i, { rule })} />
        </section>
      ))}
      <button type="button" className="button" onClick={add}>
        Add a branch
      </button>
    </>
  );
}

/** Weighted arms (whole percents adding up to 100), one of them optionally the control. */
export function RandomSplitFields(props: {
  step: RandomSplit;
  onChange: (s: RandomSplit) => void;
}) {
  const { step, onChange } = props;
  const total = step.arms.reduce((sum, a) => sum + a.weight, 0);
  const setArm = (i: number, patch: Partial<RandomSplit['arms'][number]>) =>
    onChange({ ...step, arms: step.arms.map((a, j) => (j === i ? { ...a, ...patch } : a)) });
  const add = () => {
    const name = String.fromCharCode(65 + step.arms.length);
    onChange({ ...step, arms: [...step.arms, { handle: newElementId('arm'), name, weight: 0 }] });
  };
  return (
    <>
      {step.arms.map((a, i) => (
        <div key={a.handle} className="arm">
          <TextField label="Arm" value={a.name} onChange={(name) => setArm(i, { name })} />
          <NumberField
            label="Weight %"
            min={0}
            max={100}
            value={a.weight}
            onChange={(weight) => setArm(i, { weight: weight ?? 0 })}
            testId={`arm-weight-${i}`}
          />
          <CheckField
            label="Control (holdout)"
            checked={a.control === true}
            onChange={(control) => {
              const { control: _was, ...arm } = a;
              onChange({
                ...step,
                arms: step.arms.map((x, j) =>
                  j === i ? (control ? { ...arm, control } : arm) : x,
                ),
              });
            }}
          />
          <button
            type="button"
            className="button button--ghost"
            disabled={step.arms.length <= 2}
            onClick={() => onChange({ ...step, arms: step.arms.filter((_, j) => j !== i) })}
          >
            Remove
          </button>
        </div>
      ))}
      <p className={total === 100 ? 'muted' : 'field__error'} data-testid="arm-total">
        Total {total}% {total === 100 ? '' : '(must be 100%)'}
      </p>
      <button type="button" className="button" onClick={add}>
        Add an arm
      </button>
    </>
  );
}
