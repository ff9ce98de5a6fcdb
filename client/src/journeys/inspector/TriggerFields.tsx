import { TRIGGER_TYPES, type TriggerNode, type TriggerSpec, type TriggerType } from '@cairn/schema';
import type { StepBody } from '../editor/flow.types';
import { NumberField, SelectField, TextField, WeekdaysField } from './fields';
import { EVENT_NAMES_LIST, useInspectorData } from './InspectorContext';
import { WhereField, withWhere } from './WhereField';

type Step = Extract<StepBody, { kind: 'trigger' }>;

const LABELS: Record<TriggerType, string> = {
  event: 'An event happens',
  segmentEntered: 'Enters a segment',
  segmentExited: 'Leaves a segment',
  scoreThreshold: 'A score crosses a threshold',
  schedule: 'On a schedule',
  dateTrait: 'On a date in the profile',
  api: 'Enrolled through the API',
};

/** A trigger of a type, with the settings it starts with. */
function triggerOf(type: TriggerType, segmentId: string): TriggerSpec {
  switch (type) {
    case 'event':
      return { type, event: '' };
    case 'segmentEntered':
    case 'segmentExited':
      return { type, segmentId };
    case 'scoreThreshold':
      return { type, model: 'lead', threshold: 50, direction: 'above' };
    case 'schedule':
      return { type, time: '09:00' };
    case 'dateTrait':
      return { type, path: 'traits.birthday', offsetDays: 0, time: '09:00' };
    case 'api':
      return { type };
  }
}

/** Where customers enter: an event from the catalog, a segment, a score, a date. */
export function TriggerFields({ step, onChange }: { step: Step; onChange: (s: Step) => void }) {
  const { segments } = useInspectorData();
  const t = step.trigger;
  const set = (trigger: TriggerNode['trigger']) => onChange({ ...step, trigger });
  const segmentOptions = segments.map((s) => [s.id, s.name] as const);
  return (
    <>
      <SelectField
        label="Customers enter when"
        value={t.type}
        options={TRIGGER_TYPES.map((type) => [type, LABELS[type]] as const)}
        onChange={(type) => set(triggerOf(type, segments[0]?.id ?? ''))}
        testId="trigger-type"
      />
      {t.type === 'event' && (
        <>
          <TextField
            label="Event"
            value={t.event}
            list={EVENT_NAMES_LIST}
            placeholder="e.g. Cart Abandoned"
            hint="Picked from the events this workspace has received."
            onChange={(event) => set({ ...t, event })}
            testId="trigger-event"
          />
          <WhereField
            event={t.event}
            where={t.where}
            onChange={(where) => set(withWhere(t, where))}
          />
        </>
      )}
      {(t.type === 'segmentEntered' || t.type === 'segmentExited') && (
        <SelectField
          label="Segment"
          value={t.segmentId}
          options={[['', 'Pick a segment'], ...segmentOptions]}
          onChange={(segmentId) => set({ ...t, segmentId })}
        />
      )}
      {t.type === 'scoreThreshold' && (
        <>
          <TextField
            label="Score model"
            value={t.model}
            onChange={(model) => set({ ...t, model })}
          />
          <SelectField
            label="Direction"
            value={t.direction}
            options={[
              ['above', 'Rises above'],
              ['below', 'Falls below'],
            ]}
            onChange={(direction) => set({ ...t, direction })}
          />
          <NumberField
            label="Threshold"
            value={t.threshold}
            onChange={(v) => set({ ...t, threshold: v ?? 0 })}
          />
        </>
      )}
      {t.type === 'schedule' && (
        <>
          <TextField
            label="Local time (HH:MM)"
            value={t.time}
            onChange={(time) => set({ ...t, time })}
          />
          <WeekdaysField value={t.weekdays} onChange={(weekdays) => set({ ...t, weekdays })} />
        </>
      )}
      {t.type === 'dateTrait' && (
        <>
          <TextField label="Date trait" value={t.path} onChange={(path) => set({ ...t, path })} />
          <NumberField
            label="Days before (−) or after"
            value={t.offsetDays}
            onChange={(v) => set({ ...t, offsetDays: v ?? 0 })}
          />
          <TextField
            label="Local time (HH:MM)"
            value={t.time}
            onChange={(time) => set({ ...t, time })}
          />
        </>
      )}
    </>
  );
}
