import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextChangeAt, type RuleNode } from '@cairn/schema';
import { SegmentMembership, SegmentRecheck, Workspace } from '../../src/db/entities';
import { scopeToWorkspace } from '../../src/db/workspace-filter';
import { SegmentMembersService } from '../../src/modules/segment/segment-members.service';
import { SegmentService } from '../../src/modules/segment/segment.service';
import { startTestApp, type TestApp } from '../harness';

// Regression: anniversaries were taken in UTC by the SQL (save, verifier, preview) and the
// incremental paths, while the interpreter (explainSegment) took them in the customer's zone.

let t: TestApp;
let ws: { id: string; key: string; writeKey: string };

beforeAll(async () => {
  t = await startTestApp({ SEGMENT_RECHECK_MS: '0' });
  ws = await t.workspace('Time zones');
});
afterAll(() => t.close());

function db() {
  const em = t.app.orm.em.fork();
  scopeToWorkspace(em, ws.id);
  return em;
}

/** A zone whose calendar date differs from UTC's now (UTC+14 from 11:00 UTC, else UTC-11). */
function zoneAwayFromUtc(now: Date): string {
  return now.getUTCHours() >= 11 ? 'Pacific/Kiritimati' : 'Pacific/Pago_Pago';
}

const localDate = (now: Date, timeZone: string): string =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);

const birthdayToday: RuleNode = {
  kind: 'trait',
  path: 'traits.birthday',
  type: 'date',
  op: 'anniversaryWithin',
  days: 0,
};

describe("anniversaries in the customer's time zone", () => {
  it('agree on every path: incremental, save (SQL), verifier, preview and explain', async () => {
    const now = new Date();
    const zone = zoneAwayFromUtc(now);
    // Born on today's date in `zone`, which is not today's date in UTC.
    const birthday = `1990-${localDate(now, zone).slice(5)}`;
    expect(localDate(now, zone)).not.toBe(localDate(now, 'UTC'));
    const em = db();
    const workspace = await em.findOneOrFail(Workspace, { id: ws.id });
    const saved = await new SegmentService(em, workspace).create({
      name: 'Birthday today (before the customers)',
      rule: { version: 1, root: birthdayToday },
    });
    expect(saved.ok).toBe(true);
    const early = saved.ok ? saved.segment.id : '';

    const res = await t.events(ws.writeKey, [
      { type: 'identify', email: 'zoned@tz.example', timeZone: zone, traits: { birthday } },
      { type: 'identify', email: 'utc@tz.example', traits: { birthday } },
    ]);
    expect(res.body.rejected).toBe(0);
    const [zoned, utc] = res.body.results.map((r) => r.customerId!) as [string, string];
    const members = async (segmentId: string) =>
      (await db().find(SegmentMembership, { segmentId })).map((m) => m.customer.id);
    // Incremental path (the identify batch).
    expect(await members(early)).toEqual([zoned]);

    // Whole-segment SQL path (a save after the customers exist) agrees.
    const later = await new SegmentService(db(), workspace).create({
      name: 'Birthday today (after the customers)',
      rule: { version: 1, root: birthdayToday },
    });
    expect(later.ok).toBe(true);
    const late = later.ok ? later.segment.id : '';
    expect(await members(late)).toEqual([zoned]);

    const service = new SegmentService(db(), workspace);
    for (const id of [early, late]) {
      const drift = await service.verify(id, new Date());
      expect({ missing: drift.missing, extra: drift.extra, matching: drift.matching }).toEqual({
        missing: [],
        extra: [],
        matching: 1,
      });
    }
    const reads = new SegmentMembersService(db(), workspace);
    const preview = await reads.preview({ version: 1, root: birthdayToday }, 5, new Date());
    expect(preview.count).toBe(1);
    expect(preview.sample.map((c) => c.id)).toEqual([zoned]);
    expect((await reads.explain(early, zoned, new Date())).result).toBe(true);
    expect((await reads.explain(early, utc, new Date())).result).toBe(false);

    // Both paths schedule the re-check at the end of the birthday in the customer's zone.
    const facts = { id: zoned, traits: { birthday }, events: [] };
    const due = nextChangeAt({ version: 1, root: birthdayToday }, facts, {
      now: now.getTime(),
      timeZone: zone,
    });
    for (const segmentId of [early, late]) {
      const [recheck] = await db().find(SegmentRecheck, { segmentId, customer: zoned });
      expect(recheck?.dueAt.getTime()).toBe(Math.ceil(due!));
    }
  });
});
