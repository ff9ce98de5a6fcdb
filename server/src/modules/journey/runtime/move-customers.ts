import { waitAt, type JourneyPlan } from '@cairn/schema';
import { Customer, JourneyEnrollment, JourneyTimer, type Journey } from '../../../db/entities';
import type { Em } from '../../../db/orm';
import { CairnError } from '../../../errors/cairn-error';

/**
 * On publish: customers waiting at `from` on older versions move to the wait `to` of the new
 * version, keeping when they arrived (their wait is timed again from then). Others stay on the
 * version they entered. Returns the errors (a `to` that is not a wait of the new version).
 */
export async function moveWaitingCustomers(
  em: Em,
  journey: Journey,
  plan: JourneyPlan,
  version: number,
  moves: ReadonlyArray<{ from: string; to: string }>,
): Promise<CairnError[]> {
  const errors: CairnError[] = [];
  for (const [i, move] of moves.entries()) {
    const step = plan.steps[move.to];
    if (!step || (step.type !== 'wait' && step.type !== 'waitForEvent')) {
      errors.push(
        CairnError.badInput(
          ['moves', i, 'to'],
          `"${move.to}" is not a wait step of the new version; customers can only be moved to a wait.`,
        ),
      );
      continue;
    }
    const waiting = await em.find(JourneyEnrollment, {
      journey,
      status: 'active',
      nodeId: move.from,
      version: { $lt: version },
    });
    const zones = new Map(
      (
        await em.find(
          Customer,
          { id: { $in: waiting.map((e) => e.customer.id) } },
          { fields: ['timeZone'] },
        )
      ).map((c) => [c.id, c.timeZone ?? 'UTC']),
    );
    for (const e of waiting) {
      const position = waitAt(step, e.since.getTime(), zones.get(e.customer.id) ?? 'UTC');
      e.version = version;
      e.nodeId = move.to;
      e.awaiting = position.awaiting ?? null;
      await em.nativeDelete(JourneyTimer, { enrollment: e.id });
      em.create(JourneyTimer, {
        workspace: e.workspace,
        enrollment: e,
        nodeId: move.to,
        dueAt: new Date(position.wakeAt),
      });
    }
  }
  await em.flush();
  return errors;
}
