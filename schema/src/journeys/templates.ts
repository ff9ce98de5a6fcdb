import { assertUnreachable } from '../assert-unreachable';
import { profileValue } from '../rules/values';
import type { CustomerFacts } from '../rules/facts';

/**
 * Message templates: text with `{{ variable }}` or `{{ variable | "fallback" }}` placeholders.
 * A variable is `traits.<dotted path>`, `email` or `id`. Rendering escapes values for HTML in
 * email bodies and as JSON string content in webhook bodies; a variable that is missing (and has
 * no fallback) is an error at send time, never an empty gap in a sent message.
 */
export interface TemplateVariable {
  readonly path: string;
  readonly fallback?: string;
  /** Offset of the placeholder in the text. */
  readonly offset: number;
}

export interface TemplateSyntaxProblem {
  readonly message: string;
  readonly offset: number;
}

const PLACEHOLDER = /\{\{\s*([^}|]*?)\s*(?:\|\s*"((?:[^"\\]|\\.)*)"\s*)?\}\}/g;
const VARIABLE = /^(?:id|email|traits(?:\.[A-Za-z0-9_$-]+)+)$/;

/** The placeholders of a template and its syntax problems (an unclosed `{{`, a bad variable). */
export function parseTemplate(text: string): {
  variables: TemplateVariable[];
  problems: TemplateSyntaxProblem[];
} {
  const variables: TemplateVariable[] = [];
  const problems: TemplateSyntaxProblem[] = [];
  let covered = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    const offset = m.index;
    const stray = text.indexOf('{{', covered);
    if (stray !== -1 && stray < offset) problems.push(unclosed(stray));
    covered = offset + m[0].length;
    const path = m[1] ?? '';
    if (!VARIABLE.test(path)) {
      problems.push({
        offset,
        message: `"{{ ${path} }}" is not a variable; use traits.<name> (as traits.first_name), email or id.`,
      });
      continue;
    }
    const fallback = m[2]?.replace(/\\(.)/g, '$1');
    variables.push(fallback === undefined ? { path, offset } : { path, fallback, offset });
  }
  const stray = text.indexOf('{{', covered);
  if (stray !== -1) problems.push(unclosed(stray));
  return { variables, problems };
}

const unclosed = (offset: number): TemplateSyntaxProblem => ({
  offset,
  message: 'A "{{" is not closed with "}}"; close the placeholder, or remove the braces.',
});

export type Escaping = 'html' | 'json' | 'none';

export type RenderResult =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly missing: readonly string[] };

/**
 * Renders a template for one customer. Values are escaped for the target (`html` for email
 * bodies, `json` for webhook bodies). Missing variables without a fallback make it fail with
 * their names, so nothing half-filled is ever sent.
 *
 * @example
 * renderTemplate('Hi {{ traits.first_name | "there" }}', facts, 'html') // { ok: true, text: 'Hi Ada' }
 */
export function renderTemplate(
  text: string,
  facts: Pick<CustomerFacts, 'id' | 'email' | 'traits'>,
  escaping: Escaping,
): RenderResult {
  const missing: string[] = [];
  const out = text.replace(PLACEHOLDER, (whole, rawPath: string, rawFallback?: string) => {
    const path = rawPath.trim();
    if (!VARIABLE.test(path)) return whole;
    const value = path === 'id' ? facts.id : profileValue(facts as CustomerFacts, path);
    const text = isPrintable(value) ? String(value) : rawFallback?.replace(/\\(.)/g, '$1');
    if (text === undefined) {
      missing.push(path);
      return '';
    }
    return escape(text, escaping);
  });
  return missing.length ? { ok: false, missing: [...new Set(missing)] } : { ok: true, text: out };
}

const isPrintable = (v: unknown): v is string | number | boolean =>
  (typeof v === 'string' && v.length > 0) ||
  (typeof v === 'number' && Number.isFinite(v)) ||
  typeof v === 'boolean';

const HTML: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escape(text: string, escaping: Escaping): string {
  switch (escaping) {
    case 'html':
      return text.replace(/[&<>"']/g, (c) => HTML[c]!);
    case 'json':
      return JSON.stringify(text).slice(1, -1);
    case 'none':
      return text;
    default:
      return assertUnreachable(escaping);
  }
}
