import type { NumberComparison } from '@cairn/schema';
import { COMPARISON_LABELS } from './labels';
import { reshapeComparison } from './predicates';
import { NumberInput } from './ValueInputs';
import { OptionSelect } from './OptionSelect';

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
      <OptionSelect
        label={`${label}: comparison`}
        value={value.op}
        labels={COMPARISON_LABELS}
        onChange={(op) => onChange(reshapeComparison(value, op))}
      />
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
