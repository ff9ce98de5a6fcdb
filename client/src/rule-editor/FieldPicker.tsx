import type { ValueType } from '@cairn/schema';
import type { CatalogField } from './draft.types';
import { fieldLabel, TYPE_LABELS } from './labels';

/**
 * A field from the catalog, each shown with its type. A path the catalog does not know (typed
 * by hand, or not received yet) stays selectable, marked as such.
 */
export function FieldPicker(props: {
  readonly label: string;
  readonly fields: readonly CatalogField[];
  readonly path: string;
  readonly type: ValueType;
  readonly onChange: (field: CatalogField) => void;
}) {
  const { fields, path, type } = props;
  const known = fields.some((f) => f.path === path);
  const options = known ? fields : [{ path, type, examples: [] }, ...fields];
  return (
    <select
      className="re-select re-select--field"
      aria-label={props.label}
      value={path}
      onChange={(e) => {
        const field = options.find((f) => f.path === e.target.value);
        if (field) props.onChange(field);
      }}
    >
      {options.map((f) => (
        <option key={f.path} value={f.path}>
          {f.path === '' ? 'choose a field' : fieldLabel(f.path)}
          {f.path === '' ? '' : ` · ${TYPE_LABELS[f.type]}`}
          {f.path !== '' && !known && f.path === path ? ' (not seen yet)' : ''}
        </option>
      ))}
    </select>
  );
}
