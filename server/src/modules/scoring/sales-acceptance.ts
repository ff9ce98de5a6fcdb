import { LEAD_BECAME_SQL } from '@cairn/schema';
import { Event, LeadNotification, type Workspace } from '../../db/entities';
import { newId } from '../../db/ids';
import type { Em } from '../../db/orm';
import { CairnError } from '../../errors/cairn-error';
import { journeysOnEvents } from '../journey/runtime/on-events';
import { updateMemberships } from '../segment/membership/segment-updater';
import { writeTransaction } from '../../db/write-transaction';

/**
 * Sales accepts a lead from its inbox as sales-qualified: the notification is marked accepted (and
 * acknowledged), and the lead gets a `Lead Became SQL` event, stored like an ingested one
 * (idempotent by the message id `sql:<notification id>`, so accepting twice records one event)
 * and passed to segments and journeys. The `sqls` base metric counts these events.
 */
export async function acceptLead(
  em: Em,
  workspace: Workspace,
  id: string,
  now: Date,
): Promise<LeadNotification> {
  return writeTransaction(em, async (tx) => {
    const n = await tx.findOne(LeadNotification, { id });
    if (!n) throw CairnError.notFound('lead notification', id);
    if (n.acceptedAt) return n;
    n.acceptedAt = now;
    n.acknowledgedAt ??= now;
    const properties = { model: n.model, score: n.score, notificationId: n.id };
    const inserted = await tx
      .createQueryBuilder(Event)
      .insert({
        id: newId(),
        workspace: workspace.id,
        customer: n.customer.id,
        name: LEAD_BECAME_SQL,
        properties,
        occurredAt: now,
        receivedAt: now,
        messageId: `sql:${n.id}`,
      })
      .onConflict(['workspace', 'messageId'])
      .ignore()
      .execute('run');
    await tx.flush();
    if (inserted.affectedRows === 0) return n;
    await updateMemberships(
      tx,
      workspace,
      new Map([[n.customer.id, [{ kind: 'event', name: LEAD_BECAME_SQL }]]]),
      now,
      'data',
    );
    await journeysOnEvents(
      tx,
      workspace,
      [
        {
          customerId: n.customer.id,
          name: LEAD_BECAME_SQL,
          properties,
          occurredAt: now.getTime(),
        },
      ],
      now,
    );
    return n;
  });
}
