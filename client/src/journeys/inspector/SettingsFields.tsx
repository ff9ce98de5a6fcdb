import { REENTRY_POLICIES, type JourneySettings, type ReentryPolicy } from '@cairn/schema';
import { CheckField, DurationField, NumberField, SelectField, TextField } from './fields';

const REENTRY: Record<ReentryPolicy, string> = {
  never: 'Never again',
  afterExit: 'Once they have left',
  always: 'Any time (in parallel)',
};

/** The journey's own settings: re-entry, goals, frequency cap and quiet hours. */
export function SettingsFields(props: {
  readonly settings: JourneySettings;
  readonly onChange: (s: JourneySettings) => void;
}) {
  const { settings: s, onChange } = props;
  const { frequencyCap, quietHours, maxEntries } = s;
  return (
    <>
      <SelectField
        label="A customer may enter again"
        value={s.reentry}
        options={REENTRY_POLICIES.map((p) => [p, REENTRY[p]] as const)}
        onChange={(reentry) => onChange({ ...s, reentry })}
      />
      <NumberField
        label="At most this many entries (empty: unlimited)"
        min={1}
        value={maxEntries}
        onChange={(v) =>
          onChange(v === undefined ? without(s, 'maxEntries') : { ...s, maxEntries: v })
        }
      />
      <CheckField
        label="Customers who reach a goal leave the journey"
        checked={s.exitOnGoal}
        onChange={(exitOnGoal) => onChange({ ...s, exitOnGoal })}
      />
      <CheckField
        label="Frequency cap"
        checked={frequencyCap !== undefined}
        testId="settings-frequency-cap"
        onChange={(on) =>
          onChange(
            on
              ? { ...s, frequencyCap: { max: 3, per: { amount: 1, unit: 'days' } } }
              : without(s, 'frequencyCap'),
          )
        }
      />
      {frequencyCap && (
        <div className="field__group">
          <NumberField
            label="At most this many messages"
            min={1}
            value={frequencyCap.max}
            onChange={(max) => onChange({ ...s, frequencyCap: { ...frequencyCap, max: max ?? 1 } })}
          />
          <DurationField
            label="Per"
            value={frequencyCap.per}
            onChange={(per) => onChange({ ...s, frequencyCap: { ...frequencyCap, per } })}
          />
        </div>
      )}
      <CheckField
        label="Quiet hours (in the customer’s time zone)"
        checked={quietHours !== undefined}
        testId="settings-quiet-hours"
        onChange={(on) =>
          onChange(
            on ? { ...s, quietHours: { start: '21:00', end: '08:00' } } : without(s, 'quietHours'),
          )
        }
      />
      {quietHours && (
        <div className="field__row">
          <TextField
            label="From"
            value={quietHours.start}
            onChange={(start) => onChange({ ...s, quietHours: { ...quietHours, start } })}
          />
          <TextField
            label="Until"
            value={quietHours.end}
            onChange={(end) => onChange({ ...s, quietHours: { ...quietHours, end } })}
          />
        </div>
      )}
    </>
  );
}

function without<K extends keyof JourneySettings>(s: JourneySettings, key: K): JourneySettings {
  const copy = { ...s };
  delete copy[key];
  return copy;
}
