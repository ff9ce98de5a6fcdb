import { CONTENT_CHANNEL_PROPERTY, CONTENT_EVENTS } from '@cairn/schema';
import { Campaign, CampaignTouch, type Workspace } from '../../db/entities';
import { chunks } from '../../db/chunks';
import { newId } from '../../db/ids';
import type { Em } from '../../db/orm';
import type { IngestedEvent } from '../journey/runtime/on-events';
import { ORDER_COMPLETED, readOrder } from '../ingestion/order-event';

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

/**
 * The channel a touch came through: `utm_medium`, else `utm_source`, else "unknown" (lower case);
 * for a content event, its `channel` property first (where the content was shown).
 */
export function touchChannel(properties: Readonly<Record<string, unknown>>, name = ''): string {
  const content = (CONTENT_EVENTS as readonly string[]).includes(name)
    ? text(properties[CONTENT_CHANNEL_PROPERTY])
    : undefined;
  return (content ?? text(properties['utm_medium']) ?? text(properties['utm_source']) ?? 'unknown')
    .toLowerCase()
    .slice(0, 50);
}

/**
 * The UTM mapping: each newly stored event whose `utm_campaign` property names an active
 * campaign's `utmCampaign` (exactly, after trimming) becomes a touch of that campaign, with its
 * channel and, for `Order Completed`, the order total and cost of goods. One query for the campaigns of the batch.
 */
export async function attributeTouches(
  em: Em,
  workspace: Workspace,
  events: readonly IngestedEvent[],
): Promise<void> {
  const tagged = events.flatMap((e) => {
    const utm = text(e.properties['utm_campaign']);
    return utm === undefined ? [] : [{ e, utm }];
  });
  if (tagged.length === 0) return;
  const campaigns = await em.find(
    Campaign,
    { archivedAt: null, utmCampaign: { $in: [...new Set(tagged.map((t) => t.utm))] } },
    { fields: ['id', 'utmCampaign'] },
  );
  const byUtm = new Map(campaigns.map((c) => [c.utmCampaign!, c.id]));
  const rows = tagged.flatMap(({ e, utm }) => {
    const campaign = byUtm.get(utm);
    if (campaign === undefined) return [];
    const total = e.properties['total'];
    const order = e.name === ORDER_COMPLETED ? readOrder(e.properties, [], []) : undefined;
    return [
      {
        id: newId(),
        workspace: workspace.id,
        campaign,
        customer: e.customerId,
        name: e.name,
        channel: touchChannel(e.properties, e.name),
        amount: e.name === ORDER_COMPLETED && typeof total === 'number' ? total : null,
        cost: order?.cost ?? null,
        occurredAt: new Date(e.occurredAt),
      },
    ];
  });
  for (const chunk of chunks(rows)) await em.insertMany(CampaignTouch, chunk);
}
