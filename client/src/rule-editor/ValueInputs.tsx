import {
  TIME_UNITS,
  type Duration,
  type Scalar,
  type TimeUnit,
  type ValueType,
} from '@cairn/schema';
import { useId, useState } from 'react';
import { UNIT_LABELS } from './labels';

/** A number field: empty or unparsable text is kept as NaN, which the validator reports on the row. */
export function NumberInput(props: {
  readonly value: number;
  readonly onChange: (value: number) => void;
  readonly label: string;
  readonly unit?: string;
  readonly min?: number;
}) {
  return (
    <span className="re-number">
      <input
        type="number"
        className="re-input re-input--number"
        aria-label={props.label}
        value={Number.isFinite(props.value) ? props.value : ''}
        min={props.min}
        onChange={(e) =>
          props.onChange(e.target.value === '' ? Number.NaN : e.target.valueAsNumber)
        }
      />
      {props.unit && <span className="re-unit">{props.unit}</span>}
    </span>
  );
}

/** A date as `YYYY-MM-DD` (a stored full instant shows its day). */
export function DateInput(props: {
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly label: string;
}) {
  return (
    <input
      type="date"
      className="re-input re-input--date"
      aria-label={props.label}
      value={props.value.slice(0, 10)}
      onChange={(e) => props.onChange(e.target.value)}
    />
  );
}

/** One value of a type: text (with the values seen as suggestions), number, yes/no or date. */
export function ScalarInput(props: {
  readonly type: ValueType;
  readonly value: Scalar;
  readonly onChange: (value: Scalar) => void;
  readonly label: string;
  readonly examples?: readonly Scalar[];
}) {
  const listId = useId();
  const { type, value, onChange, label } = props;
  if (type === 'number') {
    return (
      <NumberInput
        value={typeof value === 'number' ? value : Number.NaN}
        onChange={onChange}
        label={label}
      />
    );
  }
  if (type === 'boolean') {
    return (
      <select
        className="re-select"
        aria-label={label}
        value={String(value)}
        onChange={(e) => onChange(e.target.value === 'true')}
      >
        <option value="true">true</option>
        <option value="false">false</option>
      </select>
    );
  }
  if (type === 'date') {
    return <DateInput value={String(value)} onChange={onChange} label={label} />;
  }
  const examples = (props.examples ?? []).filter((e) => typeof e === 'string');
  return (
    <>
      <input
        type="text"
        className="re-input"
        aria-label={label}
        value={String(value)}
        placeholder="value"
        list={examples.length > 0 ? listId : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {examples.length > 0 && (
        <datalist id={listId}>
          {examples.map((e) => (
            <option key={String(e)} value={String(e)} />
          ))}
        </datalist>
      )}
    </>
  );
}

/**
 * Several values: chips of the chosen ones, the values seen (one click adds), and free text
 * (Enter or comma adds).
 */
export function MultiValueInput(props: {
  readonly type: ValueType;
  readonly values: readonly Scalar[];
  readonly onChange: (values: readonly Scalar[]) => void;
  readonly label: string;
  readonly examples: readonly Scalar[];
}) {
  const [text, setText] = useState('');
  const { values, onChange, type } = props;
  const add = (raw: string) => {
    const item = raw.trim();
    if (item === '') return;
    const value: Scalar = type === 'number' ? Number(item) : item;
    if (!values.includes(value)) onChange([...values, value]);
    setText('');
  };
  const suggestions = props.examples.filter((e) => !values.includes(e));
  return (
    <span className="re-multi" role="group" aria-label={props.label}>
      {values.map((v) => (
        <span key={String(v)} className="re-chip" data-testid="re-chip">
          {String(v)}
          <button
            type="button"
            className="re-chip__remove"
            aria-label={`Remove ${String(v)}`}
            onClick={() => onChange(values.filter((x) => x !== v))}
          >
            ×
          </button>
        </span>
      ))}
      <input
        type={type === 'number' ? 'number' : 'text'}
        className="re-input re-input--chip"
        aria-label={`Add to ${props.label}`}
        placeholder={values.length === 0 ? 'type a value, Enter' : 'add…'}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ',') {
            e.preventDefault();
            add(text);
          } else if (e.key === 'Backspace' && text === '' && values.length > 0) {
            onChange(values.slice(0, -1));
          }
        }}
        onBlur={() => add(text)}
      />
      {suggestions.map((s) => (
        <button
          key={String(s)}
          type="button"
          className="re-suggestion"
          onClick={() => onChange([...values, s])}
        >
          + {String(s)}
        </button>
      ))}
    </span>
  );
}

/** A span of time back from now: an amount and a unit. */
export function DurationInput(props: {
  readonly value: Duration;
  readonly onChange: (value: Duration) => void;
  readonly label: string;
}) {
  const { value, onChange } = props;
  return (
    <span className="re-duration">
      <NumberInput
        value={value.amount}
        min={1}
        label={`${props.label}: amount`}
        onChange={(amount) => onChange({ ...value, amount })}
      />
      <select
        className="re-select"
        aria-label={`${props.label}: unit`}
        value={value.unit}
        onChange={(e) => onChange({ ...value, unit: e.target.value as TimeUnit })}
      >
        {TIME_UNITS.map((unit) => (
          <option key={unit} value={unit}>
            {UNIT_LABELS[unit]}
          </option>
        ))}
      </select>
    </span>
  );
}
