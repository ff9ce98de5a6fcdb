import { TIME_UNITS, type Duration, type TimeUnit, type Weekday } from '@cairn/schema';
import { useId, type ReactNode } from 'react';

/** A labelled form row of the inspector. */
export function Field(props: {
  readonly label: string;
  readonly hint?: string;
  readonly children: (id: string) => ReactNode;
}) {
  const id = useId();
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {props.label}
      </label>
      {props.children(id)}
      {props.hint && <p className="field__hint muted">{props.hint}</p>}
    </div>
  );
}

export function TextField(props: {
  readonly label: string;
  readonly value: string;
  readonly onChange: (v: string) => void;
  readonly hint?: string;
  readonly list?: string;
  readonly testId?: string;
  readonly placeholder?: string;
}) {
  return (
    <Field label={props.label} hint={props.hint}>
      {(id) => (
        <input
          id={id}
          className="input"
          value={props.value}
          list={props.list}
          placeholder={props.placeholder}
          data-testid={props.testId}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

export function NumberField(props: {
  readonly label: string;
  readonly value: number | undefined;
  readonly onChange: (v: number | undefined) => void;
  readonly min?: number;
  readonly max?: number;
  readonly testId?: string;
}) {
  return (
    <Field label={props.label}>
      {(id) => (
        <input
          id={id}
          type="number"
          className="input"
          min={props.min}
          max={props.max}
          value={props.value ?? ''}
          data-testid={props.testId}
          onChange={(e) =>
            props.onChange(e.target.value === '' ? undefined : Number(e.target.value))
          }
        />
      )}
    </Field>
  );
}

export function SelectField<T extends string>(props: {
  readonly label: string;
  readonly value: T;
  readonly options: readonly (readonly [T, string])[];
  readonly onChange: (v: T) => void;
  readonly testId?: string;
}) {
  return (
    <Field label={props.label}>
      {(id) => (
        <select
          id={id}
          className="input"
          value={props.value}
          data-testid={props.testId}
          onChange={(e) => props.onChange(e.target.value as T)}
        >
          {props.options.map(([v, text]) => (
            <option key={v} value={v}>
              {text}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** An amount and a unit (minutes … weeks). */
export function DurationField(props: {
  readonly label: string;
  readonly value: Duration;
  readonly onChange: (v: Duration) => void;
  readonly testId?: string;
}) {
  const { value, onChange } = props;
  return (
    <Field label={props.label}>
      {(id) => (
        <div className="field__row">
          <input
            id={id}
            type="number"
            min={1}
            className="input input--short"
            value={value.amount}
            data-testid={props.testId}
            onChange={(e) => onChange({ ...value, amount: Number(e.target.value) })}
          />
          <select
            className="input"
            aria-label={`${props.label} unit`}
            value={value.unit}
            onChange={(e) => onChange({ ...value, unit: e.target.value as TimeUnit })}
          >
            {TIME_UNITS.map((u) => (
              <option key={u} value={u}>
                {u}
              </option>
            ))}
          </select>
        </div>
      )}
    </Field>
  );
}

const WEEKDAYS: readonly (readonly [Weekday, string])[] = [
  [1, 'Mon'],
  [2, 'Tue'],
  [3, 'Wed'],
  [4, 'Thu'],
  [5, 'Fri'],
  [6, 'Sat'],
  [7, 'Sun'],
];

/** Weekdays to allow; none checked means every day. */
export function WeekdaysField(props: {
  readonly value: readonly Weekday[] | undefined;
  readonly onChange: (v: readonly Weekday[] | undefined) => void;
}) {
  const chosen = new Set(props.value ?? []);
  const toggle = (d: Weekday) => {
    const next = WEEKDAYS.map(([w]) => w).filter((w) => (w === d ? !chosen.has(w) : chosen.has(w)));
    props.onChange(next.length ? next : undefined);
  };
  return (
    <fieldset className="field weekdays">
      <legend className="field__label">On (every day when none is checked)</legend>
      {WEEKDAYS.map(([d, name]) => (
        <label key={d} className="weekdays__day">
          <input type="checkbox" checked={chosen.has(d)} onChange={() => toggle(d)} /> {name}
        </label>
      ))}
    </fieldset>
  );
}

/** A pick list of the workspace's event names (a datalist: unseen names may be typed). */
export function EventNames({
  id,
  names,
}: {
  readonly id: string;
  readonly names: readonly string[];
}) {
  return (
    <datalist id={id}>
      {names.map((n) => (
        <option key={n} value={n} />
      ))}
    </datalist>
  );
}

/** A checkbox with its label on the same line. */
export function CheckField(props: {
  readonly label: string;
  readonly checked: boolean;
  readonly onChange: (checked: boolean) => void;
  readonly testId?: string;
}) {
  return (
    <label className="field field--inline">
      <input
        type="checkbox"
        checked={props.checked}
        data-testid={props.testId}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      {props.label}
    </label>
  );
}
