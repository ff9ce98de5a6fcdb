/**
 * A select over a closed set of string options, each shown by its label (operators, units,
 * measures, group modes, channels).
 *
 * @example
 * <OptionSelect label="Unit" value={unit} labels={UNIT_LABELS} onChange={setUnit} />
 */
export function OptionSelect<T extends string>(props: {
  readonly label: string;
  readonly value: T;
  /** Every option and how it reads, in display order. */
  readonly labels: Readonly<Record<T, string>>;
  /** Only these options (default: every key of `labels`). */
  readonly options?: readonly T[];
  readonly onChange: (value: T) => void;
  readonly className?: string;
}) {
  const options = props.options ?? (Object.keys(props.labels) as T[]);
  return (
    <select
      className={`re-select${props.className ? ` ${props.className}` : ''}`}
      aria-label={props.label}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value as T)}
    >
      {options.map((option) => (
        <option key={option} value={option}>
          {props.labels[option]}
        </option>
      ))}
    </select>
  );
}
