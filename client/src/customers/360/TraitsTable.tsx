/** Nested traits flattened to dotted paths, as rules name them. */
export function flattenTraits(
  traits: Readonly<Record<string, unknown>>,
  prefix = '',
): [string, unknown][] {
  return Object.entries(traits).flatMap(([key, value]): [string, unknown][] =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? flattenTraits(value as Record<string, unknown>, `${prefix}${key}.`)
      : [[`${prefix}${key}`, value]],
  );
}

const show = (value: unknown) =>
  Array.isArray(value)
    ? value.join(', ')
    : typeof value === 'string'
      ? value
      : JSON.stringify(value);

/** Every trait of the profile, by dotted path. */
export function TraitsTable({ traits }: { readonly traits: Readonly<Record<string, unknown>> }) {
  const rows = flattenTraits(traits).sort(([a], [b]) => a.localeCompare(b));
  return (
    <section className="panel" aria-labelledby="c-traits">
      <h2 id="c-traits" className="panel__title">
        Traits
      </h2>
      {rows.length === 0 ? (
        <p className="muted">
          No traits: send them with <code>identify</code>.
        </p>
      ) : (
        <dl className="facts" data-testid="customer-traits">
          {rows.map(([path, value]) => (
            <div key={path}>
              <dt>{path}</dt>
              <dd>{show(value)}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
