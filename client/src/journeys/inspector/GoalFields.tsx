import type { StepBody } from '../editor/flow.types';
import { DurationField, TextField } from './fields';
import { EVENT_NAMES_LIST } from './InspectorContext';
import { WhereField, withWhere } from './WhereField';

type Step = Extract<StepBody, { kind: 'goal' }>;

/** The conversion: an event within a time of entering. */
export function GoalFields({ step, onChange }: { step: Step; onChange: (s: Step) => void }) {
  return (
    <>
      <p className="muted">
        A goal is not wired into the flow: it watches everyone in the journey.
      </p>
      <TextField
        label="Converts on the event"
        value={step.event}
        list={EVENT_NAMES_LIST}
        onChange={(event) => onChange({ ...step, event })}
        testId="goal-event"
      />
      <WhereField
        event={step.event}
        where={step.where}
        onChange={(where) => onChange(withWhere(step, where))}
      />
      <DurationField
        label="Within"
        value={step.within}
        onChange={(within) => onChange({ ...step, within })}
      />
    </>
  );
}
