import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIsoInstant } from '../time';
import { parseIsoInstantFast } from './iso-instant';

const digits = (count: number, max: number) =>
  fc.integer({ min: 0, max }).map((n) => String(n).padStart(count, '0').slice(-count));

/** Texts close to the accepted grammar: every part present or not, in range or just out of it. */
const nearIso = fc
  .tuple(
    digits(4, 9999),
    digits(2, 19),
    digits(2, 39),
    fc.option(
      fc.tuple(
        digits(2, 29),
        digits(2, 69),
        fc.option(
          fc.tuple(
            digits(2, 69),
            fc.option(fc.stringMatching(/^[0-9]{0,11}$/), { nil: undefined }),
          ),
          { nil: undefined },
        ),
        fc.constantFrom(
          'Z',
          'z',
          '',
          '+05:30',
          '-08:00',
          '+23:59',
          '-24:00',
          '+00:60',
          '+0530',
          '+05:3',
          'Z ',
          '+05:30Z',
        ),
      ),
      { nil: undefined },
    ),
  )
  .map(([y, mo, d, time]) => {
    const date = `${y}-${mo}-${d}`;
    if (time === undefined) return date;
    const [h, mi, seconds, offset] = time;
    const secs =
      seconds === undefined
        ? ''
        : `:${seconds[0]}${seconds[1] === undefined ? '' : `.${seconds[1]}`}`;
    return `${date}T${h}:${mi}${secs}${offset}`;
  });

/** A text with one character inserted, deleted or replaced. */
const mutated = fc
  .tuple(
    nearIso,
    fc.nat(40),
    fc.constantFrom('insert', 'delete', 'replace'),
    fc.constantFrom(...'0123456789-:TZ.+ z٣\n'),
  )
  .map(([text, at, how, c]) => {
    const i = at % (text.length + 1);
    if (how === 'insert') return text.slice(0, i) + c + text.slice(i);
    if (how === 'delete') return text.slice(0, i) + text.slice(i + 1);
    return text.slice(0, i) + c + text.slice(i + 1);
  });

describe('parseIsoInstantFast', () => {
  it.each([
    '2026-05-01',
    '2026-05-01T09:30Z',
    '2026-05-01T09:30:00+02:00',
    '2026-05-01T09:30:00.5Z',
    '2026-05-01T09:30:00.123456789-08:00',
    '2024-02-29',
    '2025-02-29',
    '0050-03-15',
    '0000-01-01',
    '9999-12-31T23:59:59.999Z',
    '2026-05-01T09:30:00.1234567890Z',
    '2026-05-01T09:30',
    '2026-05-01T24:00:00Z',
    '2026-05-01T09:30:00.Z',
    '2026-05-01T09:30:00+24:00',
    '2026-5-01',
    '+02026-05-01',
    ' 2026-05-01',
    '2026-05-01\n',
    '',
  ])('reads %j like parseIsoInstant', (text) => {
    expect(parseIsoInstantFast(text)).toBe(parseIsoInstant(text));
  });

  it('agrees with parseIsoInstant on near-ISO, mutated and arbitrary texts', () => {
    const text = fc.oneof(
      nearIso,
      mutated,
      fc.string({ maxLength: 40 }),
      fc.stringMatching(/^[0-9:T.Z+-]{0,35}$/),
    );
    fc.assert(
      fc.property(text, (t) => {
        expect(parseIsoInstantFast(t)).toBe(parseIsoInstant(t));
      }),
      { numRuns: 20_000 },
    );
  });
});
