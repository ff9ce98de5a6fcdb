/** A piece of SQL with `?` placeholders and its parameters, in order. User values only ever travel as parameters. */
export interface Fragment {
  readonly sql: string;
  readonly params: readonly unknown[];
}

/**
 * Builds a fragment from a template: interpolated fragments are spliced in, anything else
 * becomes a parameter.
 *
 * @example
 * sql`${column} = ${value}` // { sql: 'c.email = ?', params: [value] }
 */
export function sql(strings: TemplateStringsArray, ...values: unknown[]): Fragment {
  let text = strings[0] ?? '';
  const params: unknown[] = [];
  values.forEach((value, i) => {
    if (isFragment(value)) {
      text += value.sql;
      params.push(...value.params);
    } else {
      text += '?';
      params.push(value);
    }
    text += strings[i + 1] ?? '';
  });
  return { sql: text, params };
}

/** A fragment of trusted SQL text (column names, keywords) with no parameters. */
export const raw = (text: string): Fragment => ({ sql: text, params: [] });

export function join(fragments: readonly Fragment[], separator: string): Fragment {
  return {
    sql: fragments.map((f) => f.sql).join(separator),
    params: fragments.flatMap((f) => f.params),
  };
}

function isFragment(value: unknown): value is Fragment {
  return (
    typeof value === 'object' &&
    value !== null &&
    'sql' in value &&
    'params' in value &&
    Array.isArray((value as Fragment).params)
  );
}
