/**
 * Checks a `matches` pattern before anything runs it. Patterns are limited to a portable subset
 * that JavaScript and PostgreSQL read the same way (literals, `.`, classes, `\d \w \s` and their
 * negations, anchors, groups, alternation, quantifiers) and are refused when they could backtrack
 * catastrophically: a quantified group that itself contains a quantifier or an alternation, such
 * as `(a+)+` or `(a|aa)*`. Returns what is wrong, or undefined when the pattern is fine.
 */
/** Letter escapes that mean the same in JavaScript and (translated) in PostgreSQL. */
export const PORTABLE_LETTER_ESCAPES = 'dDwWsStnrfv';

export function regexProblem(
  pattern: string,
): { kind: 'invalid' | 'unsafe'; message: string } | undefined {
  try {
    new RegExp(pattern, 'u');
  } catch (error) {
    return {
      kind: 'invalid',
      message: `The pattern does not compile: ${(error as Error).message}`,
    };
  }
  // For each open group: does it contain a quantifier or an alternation?
  const groups: Array<{ risky: boolean }> = [{ risky: false }];
  let lastClosedRisky = false;
  let previousWasAtom = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    const current = groups[groups.length - 1]!;
    if (c === '\\') {
      const next = pattern[i + 1] ?? '';
      if (/[1-9k]/.test(next))
        return { kind: 'unsafe', message: 'Back-references (\\1, \\k<name>) are not supported.' };
      if (/[A-Za-z0-9]/.test(next) && !PORTABLE_LETTER_ESCAPES.includes(next)) {
        return {
          kind: 'invalid',
          message: `The escape \\${next} is not supported (it differs between engines); use a character class instead.`,
        };
      }
      i++;
      previousWasAtom = true;
      lastClosedRisky = false;
      continue;
    }
    if (c === '[') {
      const end = closingBracket(pattern, i);
      if (end < 0) return { kind: 'invalid', message: 'A character class is not closed with ].' };
      const classProblem = characterClassProblem(pattern.slice(i + 1, end));
      if (classProblem) return { kind: 'invalid', message: classProblem };
      i = end;
      previousWasAtom = true;
      lastClosedRisky = false;
      continue;
    }
    if (c === '(') {
      if (pattern[i + 1] === '?') {
        if (pattern[i + 2] !== ':')
          return {
            kind: 'unsafe',
            message:
              'Look-around and named groups ((?=, (?!, (?<) are not supported; only (?:...) is.',
          };
        i += 2;
      }
      groups.push({ risky: false });
      previousWasAtom = false;
      continue;
    }
    if (c === ')') {
      const closed = groups.pop();
      if (!closed || groups.length === 0)
        return { kind: 'invalid', message: 'Unbalanced parenthesis.' };
      lastClosedRisky = closed.risky;
      if (closed.risky) groups[groups.length - 1]!.risky = true;
      previousWasAtom = true;
      continue;
    }
    if (c === '|') {
      current.risky = true;
      previousWasAtom = false;
      lastClosedRisky = false;
      continue;
    }
    if (c === '*' || c === '+' || c === '?' || c === '{') {
      if (c === '{') {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i));
        if (!m) continue; // a literal brace
        if (Number(m[1]) > 1000 || Number(m[3] || 0) > 1000)
          return { kind: 'unsafe', message: 'Repetition counts above 1000 are not allowed.' };
        i += m[0].length - 1;
      } else if (pattern[i + 1] === '?') {
        i++; // lazy quantifier
      }
      if (previousWasAtom && lastClosedRisky) {
        return {
          kind: 'unsafe',
          message:
            'A repeated group contains a repetition or an alternation (like (a+)+ or (a|b)*), which can take exponential time; rewrite it without nesting.',
        };
      }
      current.risky = true;
      previousWasAtom = false;
      lastClosedRisky = false;
      continue;
    }
    previousWasAtom = true;
    lastClosedRisky = false;
  }
  return undefined;
}

function closingBracket(pattern: string, open: number): number {
  let i = open + 1;
  if (pattern[i] === '^') i++;
  if (pattern[i] === ']') i++;
  for (; i < pattern.length; i++) {
    if (pattern[i] === '\\') i++;
    else if (pattern[i] === ']') return i;
  }
  return -1;
}

/** What is not portable inside a character class: POSIX classes, negated shorthands, other letter escapes. */
function characterClassProblem(body: string): string | undefined {
  if (body.includes('[:')) return 'POSIX classes such as [:alpha:] are not supported.';
  const escape = /\\(.)/g;
  for (let m = escape.exec(body); m; m = escape.exec(body)) {
    const e = m[1]!;
    if ('DWS'.includes(e))
      return `\\${e} inside a character class is not supported; write the class out (e.g. [^0-9] for \\D).`;
    if (/[A-Za-z0-9]/.test(e) && !PORTABLE_LETTER_ESCAPES.includes(e))
      return `The escape \\${e} is not supported (it differs between engines).`;
  }
  return undefined;
}
