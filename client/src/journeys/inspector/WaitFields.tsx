import { WAIT_TYPES, type WaitSpec, type WaitType } from '@cairn/schema';
import type { StepBody } from '../editor/flow.types';
import { CheckField, DurationField, SelectField, TextField, WeekdaysField } from './fields';
import { EVENT_NAMES_LIST } from './InspectorContext';
import { WhereField, withWhere } from './WhereField';

type Step = Extract<StepBody, { kind: 'wait' }>;

const LABELS: Record<WaitType, string> = {
  duration: 'For a while',
  until: 'Until a time of day',
  event: 'Until an event (or a timeout)',
};

function waitOf(type: WaitType): WaitSpec {
  switch (type) {
    case 'duration':
      return { type, duration: { amount: 1, unit: 'days' } };
    case 'until':
      return { type, time: '09:00' };
    case 'event':
      return { type, event: '', timeout: { amount: 3, unit: 'days' } };
  }
}

/** Durations, times of day (with weekdays), or an event with a timeout. */
export function WaitFields({ step, onChange }: { step: Step; onChange: (s: Step) => void }) {
  const w = step.wait;
  const set = (wait: WaitSpec) => onChange({ ...step, wait });
  return (
    <>
      <SelectField
        label="Wait"
        value={w.type}
        options={WAIT_TYPES.map((t) => [t, LABELS[t]] as const)}
        onChange={(t) => set(waitOf(t))}
        testId="wait-type"
      />
      {w.type === 'duration' && (
        <DurationField
          label="For"
          value={w.duration}
          onChange={(duration) => set({ ...w, duration })}
          testId="wait-amount"
        />
      )}
      {w.type === 'until' && (
        <>
          <TextField
            label="Local time (HH:MM)"
            value={w.time}
            onChange={(time) => set({ ...w, time })}
          />
          <WeekdaysField value={w.weekdays} onChange={(weekdays) => set({ ...w, weekdays })} />
        </>
      )}
      {w.type === 'event' && (
        <>
          <TextField
            label="Event"
            value={w.event}
            list={EVENT_NAMES_LIST}
            onChange={(event) => set({ ...w, event })}
            testId="wait-event"
          />
          <WhereField
            event={w.event}
            where={w.where}
            onChange={(where) => set(withWhere(w, where))}
          />
          <CheckField
            label="Give up after a timeout (output “timeout”)"
            checked={w.timeout !== undefined}
            onChange={(on) =>
              set(
                on
                  ? { ...w, timeout: { amount: 3, unit: 'days' } }
                  : { type: w.type, event: w.event, ...(w.where ? { where: w.where } : {}) },
              )
            }
          />
          {w.timeout && (
            <DurationField
              label="Timeout"
              value={w.timeout}
              onChange={(timeout) => set({ ...w, timeout })}
            />
          )}
        </>
      )}
    </>
  );
}
