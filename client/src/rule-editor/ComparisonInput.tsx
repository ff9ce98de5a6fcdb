import type { NumberComparison } from '@cairn/schema';
import { COMPARISON_LABELS } from './labels';
import { reshapeComparison } from './predicates';
import { NumberInput } from './ValueInputs';

const OPS = Object.keys(COMPARISON_LABELS) as NumberComparison['op'][];

/** "at least 3", "between 2 and 5": a count, an aggregate or a score compared with numbers. */
export function ComparisonInput(props: {
  readonly value: NumberComparison;
  readonly onChange: (value: NumberComparison) => void;
  readonly label: string;
  readonly unit?: string;
}) {
  const { value, onChange, label, unit } = props;
  return (
    <span className="re-range">
      <select
        className="re-select"
        aria-label={`${label}: comparison`}
        value={value.op}
        onChange={(e) =>
          onChange(reshapeComparison(value, e.target.value as NumberComparison['op']))
        }
      >
        {OPS.map((op) => (
          <option key={op} value={op}>
            {COMPARISON_LABELS[op]}
          </option>
        ))}
      </select>
      {value.op === 'between' ? (
        <>
          <NumberInput
            value={value.min}
            label={`${label}: from`}
            onChange={(min) => onChange({ ...value, min })}
          />
          <span className="re-word">and</span>
          <NumberInput
            value={value.max}
            label={`${label}: to`}
            unit={unit}
            onChange={(max) => onChange({ ...value, max })}
          />
        </>
      ) : (
        <NumberInput
          value={value.value}
          label={`${label}: value`}
          unit={unit}
          onChange={(v) => onChange({ ...value, value: v })}
        />
      )}
    </span>
  );
}
