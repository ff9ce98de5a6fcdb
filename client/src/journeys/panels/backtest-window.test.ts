import { describe, expect, it } from 'vitest';
import { MAX_BACKTEST_DAYS, readSampleSize, readWindow } from './backtest-window';

const now = new Date('2026-11-20T15:30:00Z');
const DAY = 86_400_000;

describe('readWindow', () => {
  it.each([7, 30, 90] as const)('the last %i days end now', (days) => {
    expect(readWindow({ kind: 'last', days }, now)).toEqual({
      ok: true,
      from: new Date(now.getTime() - days * DAY),
      to: now,
    });
  });

  it('reads custom dates as whole local days, and stops at now', () => {
    const read = readWindow({ kind: 'custom', from: '2026-11-01', to: '2026-11-10' }, now);
    expect(read).toEqual({
      ok: true,
      from: new Date('2026-11-01T00:00:00'),
      to: new Date('2026-11-10T23:59:59.999'),
    });
    const future = readWindow({ kind: 'custom', from: '2026-11-01', to: '2027-01-01' }, now);
    expect(future.ok && future.to).toEqual(now);
  });

  it.each([
    [{ from: '', to: '2026-11-10' }, /both dates/],
    [{ from: '2026-11-10', to: 'soon' }, /both dates/],
    [{ from: '2026-11-10', to: '2026-11-09' }, /start before it ends/],
    [{ from: '2026-12-01', to: '2026-12-05' }, /before now/],
    [{ from: '2025-01-01', to: '2026-11-10' }, new RegExp(`${MAX_BACKTEST_DAYS} days`)],
  ])('says what to fix in %o', (dates, message) => {
    const read = readWindow({ kind: 'custom', ...dates }, now);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.message).toMatch(message);
  });
});

describe('readSampleSize', () => {
  it('takes whole numbers from 1 to 5,000', () => {
    expect(readSampleSize('1')).toEqual({ ok: true, size: 1 });
    expect(readSampleSize('5000')).toEqual({ ok: true, size: 5000 });
  });

  it.each(['', '0', '5001', '2.5', 'many'])('refuses %j', (text) => {
    expect(readSampleSize(text)).toMatchObject({ ok: false });
  });
});
