import {
  assertUnreachable,
  type EventCondition,
  type EventMeasure,
  type EventWindow,
} from '@cairn/schema';
import { newPropertyFilter } from './defaults';
import { GroupBox } from './GroupBox';
import { MEASURE_LABELS, WINDOW_LABELS } from './labels';
import { addPropertyFilter } from './ops/add-property-filter';
import { changeEventMeasure, reshapeMeasure, reshapeWindow } from './ops/change-event-measure';
import { updateNode } from './ops/update-node';
import { useRuleEditor } from './RuleEditorContext';
import { ComparisonInput } from './ComparisonInput';
import { DateInput, DurationInput } from './ValueInputs';

const MEASURES = Object.keys(MEASURE_LABELS) as EventMeasure['type'][];
const WINDOWS = Object.keys(WINDOW_LABELS) as EventWindow['type'][];

/** An event condition: which event, how it is measured, over which window, filtered by properties. */
export function EventFields({ node }: { readonly node: EventCondition }) {
  const editor = useRuleEditor();
  const { apply, catalog, today } = editor;
  const id = node.id!;
  const names = catalog.events.map((e) => e.name);
  const options = names.includes(node.event) ? names : [node.event, ...names];
  const numeric =
    catalog.events
      .find((e) => e.name === node.event)
      ?.properties.filter((p) => p.type === 'number') ?? [];
  const setMeasure = (update: (m: EventMeasure) => EventMeasure) =>
    apply((d) => changeEventMeasure(d, id, update));
  const m = node.measure;
  return (
    <div className="re-event">
      <div className="re-line">
        <select
          className="re-select re-select--field"
          aria-label="Event"
          value={node.event}
          onChange={(e) =>
            apply((d) => updateNode(d, id, (n) => ({ ...n, event: e.target.value }) as typeof n))
          }
        >
          {options.map((name) => (
            <option key={name} value={name}>
              {name === '' ? 'choose an event' : name}
            </option>
          ))}
        </select>
        <select
          className="re-select"
          aria-label="Measure"
          value={m.type}
          onChange={(e) =>
            setMeasure((prev) =>
              reshapeMeasure(prev, e.target.value as EventMeasure['type'], numeric[0]?.path),
            )
          }
        >
          {MEASURES.map((type) => (
            <option key={type} value={type}>
              {MEASURE_LABELS[type]}
            </option>
          ))}
        </select>
        <MeasureFields
          measure={m}
          numericProperties={numeric.map((p) => p.path)}
          onChange={(next) => setMeasure(() => next)}
          today={today}
        />
      </div>
      {node.where && (
        <div className="re-where">
          <span className="re-where__label">where the event’s properties match</span>
          <GroupBox node={node.where} scope={{ kind: 'filter', event: node.event }} />
        </div>
      )}
      {!node.where && (
        <button
          type="button"
          className="re-link"
          onClick={() =>
            apply((d) =>
              addPropertyFilter(
                d,
                id,
                newPropertyFilter(node.event, { ...editor, today }),
                editor.newId(),
              ),
            )
          }
        >
          + Filter by property
        </button>
      )}
    </div>
  );
}

function MeasureFields(props: {
  readonly measure: EventMeasure;
  readonly numericProperties: readonly string[];
  readonly onChange: (measure: EventMeasure) => void;
  readonly today: string;
}) {
  const { measure: m, onChange, today } = props;
  switch (m.type) {
    case 'count':
      return (
        <>
          <ComparisonInput
            value={m.compare}
            unit="times"
            label="Count"
            onChange={(compare) => onChange({ ...m, compare })}
          />
          <WindowFields
            window={m.window}
            today={today}
            onChange={(window) => onChange({ ...m, window })}
          />
        </>
      );
    case 'sum':
    case 'avg':
    case 'min':
    case 'max': {
      const options = props.numericProperties.includes(m.property)
        ? props.numericProperties
        : [m.property, ...props.numericProperties];
      return (
        <>
          <select
            className="re-select"
            aria-label="Property"
            value={m.property}
            onChange={(e) => onChange({ ...m, property: e.target.value })}
          >
            {options.map((p) => (
              <option key={p} value={p}>
                {p === '' ? 'choose a number property' : p}
              </option>
            ))}
          </select>
          <ComparisonInput
            value={m.compare}
            label="Aggregate"
            onChange={(compare) => onChange({ ...m, compare })}
          />
          <WindowFields
            window={m.window}
            today={today}
            onChange={(window) => onChange({ ...m, window })}
          />
        </>
      );
    }
    case 'firstOccurredWithin':
    case 'lastOccurredWithin':
      return (
        <DurationInput
          value={m.duration}
          label="Within"
          onChange={(duration) => onChange({ ...m, duration })}
        />
      );
    case 'firstOccurredBefore':
    case 'lastOccurredBefore':
      return (
        <>
          <DurationInput
            value={m.duration}
            label="Ago"
            onChange={(duration) => onChange({ ...m, duration })}
          />
          <span className="re-word">ago</span>
        </>
      );
    default:
      return assertUnreachable(m);
  }
}

function WindowFields(props: {
  readonly window: EventWindow;
  readonly today: string;
  readonly onChange: (window: EventWindow) => void;
}) {
  const { window: w, onChange } = props;
  return (
    <>
      <select
        className="re-select"
        aria-label="Window"
        value={w.type}
        onChange={(e) =>
          onChange(reshapeWindow(w, e.target.value as EventWindow['type'], props.today))
        }
      >
        {WINDOWS.map((type) => (
          <option key={type} value={type}>
            {WINDOW_LABELS[type]}
          </option>
        ))}
      </select>
      {w.type === 'last' && (
        <DurationInput
          value={w.duration}
          label="Window"
          onChange={(duration) => onChange({ ...w, duration })}
        />
      )}
      {w.type === 'between' && (
        <span className="re-range">
          <DateInput
            value={w.from}
            label="Window from"
            onChange={(from) => onChange({ ...w, from })}
          />
          <span className="re-word">and</span>
          <DateInput value={w.to} label="Window to" onChange={(to) => onChange({ ...w, to })} />
        </span>
      )}
    </>
  );
}
