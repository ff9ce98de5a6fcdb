import type { FilterNode } from '@cairn/schema';
import { useId } from 'react';
import { PropertyFilterEditor } from '../../rule-editor';
import { useInspectorData } from './InspectorContext';

/**
 * An event's property filters (its `where`) in a trigger, a wait for an event or a goal: the
 * rule editor's property-filter rows, with the paths the catalog has seen on that event.
 */
export function WhereField(props: {
  readonly event: string;
  readonly where: FilterNode | undefined;
  readonly onChange: (where: FilterNode | undefined) => void;
}) {
  const { catalog } = useInspectorData();
  const id = useId();
  return (
    <div className="field" role="group" aria-labelledby={id}>
      <span className="field__label" id={id}>
        Only events whose properties match
      </span>
      <div className="rule-field">
        <PropertyFilterEditor
          event={props.event}
          value={props.where}
          onChange={props.onChange}
          catalog={catalog}
        />
      </div>
    </div>
  );
}

/** `spec` with `where` set, or without the key when there is no filter (the graph stays minimal). */
export function withWhere<T extends { readonly where?: FilterNode }>(
  spec: T,
  where: FilterNode | undefined,
): T {
  const { where: _previous, ...rest } = spec;
  return (where ? { ...rest, where } : rest) as T;
}
