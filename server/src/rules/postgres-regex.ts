/** JavaScript's `\s` (Unicode mode), spelled out for a bracket expression. */
const SPACE =
  '\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff';
const CLASS_BODY: Record<string, string> = { d: '0-9', w: 'A-Za-z0-9_', s: SPACE };

/**
 * Rewrites a pattern of the rule language's portable subset (see validate/regex-safety.ts in
 * @cairn/schema) so PostgreSQL's ARE engine reads it as JavaScript does: `\d \w \s` become the
 * ASCII/Unicode sets JavaScript uses (PostgreSQL's are locale-dependent), and `.` stops at line
 * terminators as in JavaScript.
 */
export function toPostgresRegex(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      const next = pattern[i + 1] ?? '';
      i++;
      const body = CLASS_BODY[next.toLowerCase()];
      if (body !== undefined && 'dwsDWS'.includes(next)) {
        out += inClass ? body : next === next.toLowerCase() ? `[${body}]` : `[^${body}]`;
      } else {
        out += `\\${next}`;
      }
      continue;
    }
    if (inClass) {
      if (c === ']' && !/\[\^?$/.test(out)) inClass = false;
      out += c;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      continue;
    }
    out += c === '.' ? '[^\\n\\r\\u2028\\u2029]' : c;
  }
  return out;
}
