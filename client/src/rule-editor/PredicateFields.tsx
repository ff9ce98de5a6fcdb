import {
  assertUnreachable,
  type Operator,
  type PropertyCondition,
  type Scalar,
  type TraitCondition,
} from '@cairn/schema';
import type { CatalogField, EditorNode } from './draft.types';
import { OPERATOR_LABELS } from './labels';
import { changeField } from './ops/change-field';
import { changeOperator } from './ops/change-operator';
import { updateNode } from './ops/update-node';
import { operatorsFor } from './predicates';
import { useRuleEditor } from './RuleEditorContext';
import { FieldPicker } from './FieldPicker';
import { DateInput, DurationInput, MultiValueInput, NumberInput, ScalarInput } from './ValueInputs';

type Condition = TraitCondition | PropertyCondition;

/** Field, operator and value(s) of a trait condition or an event's property filter. */
export function PredicateFields(props: {
  readonly node: Condition;
  readonly fields: readonly CatalogField[];
  readonly fieldLabel: string;
}) {
  const { node, fields } = props;
  const { apply, today } = useRuleEditor();
  const id = node.id!;
  const field = fields.find((f) => f.path === node.path);
  const patch = (values: Record<string, unknown>) =>
    apply((d) => updateNode(d, id, (n) => ({ ...n, ...values }) as EditorNode));
  return (
    <>
      <FieldPicker
        label={props.fieldLabel}
        fields={fields}
        path={node.path}
        type={node.type}
        onChange={(f) => apply((d) => changeField(d, id, f.path, f.type, { today }))}
      />
      <select
        className="re-select re-select--operator"
        aria-label="Operator"
        value={node.op}
        onChange={(e) => apply((d) => changeOperator(d, id, e.target.value as Operator, { today }))}
      >
        {operatorsFor(node.type).map((op) => (
          <option key={op} value={op}>
            {OPERATOR_LABELS[op]}
          </option>
        ))}
      </select>
      <PredicateValue node={node} examples={field?.examples ?? []} patch={patch} />
    </>
  );
}

function PredicateValue(props: {
  readonly node: Condition;
  readonly examples: readonly Scalar[];
  readonly patch: (values: Record<string, unknown>) => void;
}) {
  const { node, examples, patch } = props;
  switch (node.op) {
    case 'eq':
    case 'neq':
    case 'contains':
    case 'notContains':
    case 'startsWith':
    case 'endsWith':
      return (
        <ScalarInput
          type={node.type === 'stringList' ? 'string' : node.type}
          value={node.value}
          examples={examples}
          label="Value"
          onChange={(value) => patch({ value })}
        />
      );
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return (
        <ScalarInput
          type={node.type}
          value={node.value}
          label="Value"
          onChange={(value) => patch({ value })}
        />
      );
    case 'before':
    case 'after':
      return <DateInput value={node.value} label="Date" onChange={(value) => patch({ value })} />;
    case 'between':
      return (
        <span className="re-range">
          <ScalarInput
            type={node.type}
            value={node.min}
            label="From"
            onChange={(min) => patch({ min })}
          />
          <span className="re-word">and</span>
          <ScalarInput
            type={node.type}
            value={node.max}
            label="To"
            onChange={(max) => patch({ max })}
          />
        </span>
      );
    case 'in':
    case 'notIn':
      return (
        <MultiValueInput
          type={node.type === 'stringList' ? 'string' : node.type}
          values={node.values}
          examples={examples}
          label="Values"
          onChange={(values) => patch({ values })}
        />
      );
    case 'matches':
      return (
        <span className="re-range">
          <input
            type="text"
            className="re-input re-input--mono"
            aria-label="Pattern"
            placeholder="regular expression"
            value={node.pattern}
            onChange={(e) => patch({ pattern: e.target.value })}
          />
          <label className="re-check">
            <input
              type="checkbox"
              checked={node.ignoreCase ?? false}
              onChange={(e) => patch({ ignoreCase: e.target.checked })}
            />
            ignore case
          </label>
        </span>
      );
    case 'exists':
    case 'notExists':
    case 'isEmpty':
      return null;
    case 'withinLast':
    case 'notWithinLast':
      return (
        <DurationInput
          value={node.duration}
          label="Window"
          onChange={(duration) => patch({ duration })}
        />
      );
    case 'anniversaryWithin':
      return (
        <NumberInput
          value={node.days}
          label="Days"
          unit="days"
          min={0}
          onChange={(days) => patch({ days })}
        />
      );
    default:
      return assertUnreachable(node);
  }
}
