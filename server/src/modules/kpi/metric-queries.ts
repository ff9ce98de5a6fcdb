import {
  assertUnreachable,
  BOUNCE_TYPE_PROPERTY,
  CONTENT_CHANNEL_PROPERTY,
  CONTENT_ENGAGEMENT,
  CONTENT_IMPRESSION,
  CSAT_SATISFIED_MIN,
  HARD_BOUNCE,
  LEAD_BECAME_MQL,
  LEAD_BECAME_SQL,
  MESSAGE_EVENTS,
  MESSAGE_ID_PROPERTY,
  NPS_DETRACTOR_MAX,
  NPS_PROMOTER_MIN,
  SURVEY_ANSWERED,
  type BaseMetricId,
} from '@cairn/schema';
import { Campaign } from '../../db/entities';
import type { Em } from '../../db/orm';
import { dialectOf } from '../../rules/rule-query';
import { raw, sql, type Fragment } from '../../rules/sql-fragment';
import { postgresDialect } from '../../rules/postgres-dialect';
import { paramList } from '../segment/analytics/analytics-sql';
import { ORDER_COMPLETED } from '../ingestion/order-event';
import type { KpiScope } from './kpi-scope';

/** One aggregate over a source per bucket: the metrics it yields, its tables, its condition. */
export interface MetricQuery {
  readonly select: Readonly<Partial<Record<BaseMetricId, Fragment>>>;
  readonly source: Fragment;
  /** Reads the bucket's `b.s`, `b.e` (instants), `b.d0`, `b.d1` (local dates) or `b.sw`, `b.ew`. */
  readonly where: Fragment;
  /** Metrics equal by definition to one the query computes (copied, not counted twice). */
  readonly same?: Readonly<Partial<Record<BaseMetricId, BaseMetricId>>>;
  /** Group each bucket's rows by `key` into `columns` first; `select` then reads them as `m.x`. */
  readonly perKey?: { readonly key: string; readonly columns: Readonly<Record<string, Fragment>> };
  /** Metrics whose NULL is missing, not 0. */
  readonly nullable?: readonly BaseMetricId[];
}

const inBucket = (column: string) => raw(`${column} >= b.s AND ${column} < b.e`);
/** Constant names as a SQL list (they hold no quotes). */
const names = (list: readonly string[]) => raw(`(${list.map((n) => `'${n}'`).join(', ')})`);

/** A string property of `e.properties` (NULL when absent or not a string); keys are constants. */
function textProperty(em: Em, key: string): string {
  return dialectOf(em) === postgresDialect
    ? `(CASE WHEN jsonb_typeof(e.properties -> '${key}') = 'string' THEN e.properties ->> '${key}' END)`
    : `(CASE WHEN json_type(e.properties, '$.${key}') = 'text' THEN json_extract(e.properties, '$.${key}') END)`;
}

function numberProperty(em: Em, key: string): string {
  return dialectOf(em) === postgresDialect
    ? `(CASE WHEN jsonb_typeof(e.properties -> '${key}') = 'number' THEN (e.properties ->> '${key}')::numeric END)`
    : `(CASE WHEN json_type(e.properties, '$.${key}') IN ('integer', 'real') THEN json_extract(e.properties, '$.${key}') END)`;
}

/**
 * `count(DISTINCT key)` for ids: on PostgreSQL compared as bytes (COLLATE "C"), which is what id
 * equality is, and sorts several times faster than the database's collation (C.UTF-8 here).
 */
function countDistinct(em: Em, key: string): Fragment {
  return raw(
    dialectOf(em) === postgresDialect
      ? `count(DISTINCT (${key}) COLLATE "C")`
      : `count(DISTINCT ${key})`,
  );
}

/** Whether the customer had an earlier completed order than the row's instant (so it is not new). */
const earlierOrder = (customer: string, at: string) =>
  `EXISTS (SELECT 1 FROM orders p WHERE p.customer_id = ${customer} AND p.occurred_at < ${at})`;

/**
 * Touches of campaigns: who came, who ordered, what they spent and earned, who bought for the
 * first time; with `content`, content impressions and engagements too.
 */
function touchQuery(em: Em, where: Fragment, content: boolean): MetricQuery {
  const order = `t.name = '${ORDER_COMPLETED}'`;
  return {
    select: {
      entered: countDistinct(em, 't.customer_id'),
      conversions: countDistinct(em, `CASE WHEN ${order} THEN t.customer_id END`),
      orders: raw(`sum(CASE WHEN ${order} THEN 1 ELSE 0 END)`),
      revenue: raw('sum(t.amount)'),
      grossMargin: raw(
        `CASE WHEN coalesce(sum(CASE WHEN ${order} AND t.cost IS NULL THEN 1 ELSE 0 END), 0) = 0 THEN coalesce(sum(t.amount - t.cost), 0) END`,
      ),
      // Nested CASE: the subquery runs for order touches only.
      newCustomers: countDistinct(
        em,
        `CASE WHEN ${order} THEN CASE WHEN NOT ${earlierOrder('t.customer_id', 't.occurred_at')} THEN t.customer_id END END`,
      ),
      ...(content
        ? {
            impressions: raw(`sum(CASE WHEN t.name = '${CONTENT_IMPRESSION}' THEN 1 ELSE 0 END)`),
            engagements: raw(`sum(CASE WHEN t.name = '${CONTENT_ENGAGEMENT}' THEN 1 ELSE 0 END)`),
          }
        : {}),
    },
    same: { buyers: 'conversions' },
    nullable: ['grossMargin'],
    source: raw('campaign_touches t'),
    where: sql`${where} AND ${inBucket('t.occurred_at')}`,
  };
}

function sentQuery(where: Fragment): MetricQuery {
  return {
    select: { sent: raw('count(*)') },
    source: raw('outbox_messages o'),
    where: sql`${where} AND o.status = 'sent' AND ${inBucket('o.sent_at')}`,
  };
}

/**
 * Message and survey events attributed to outbox messages `o` by their `messageId` property (the
 * message's idempotency key): unique per message (a message is opened or not), bounces hard or
 * soft per message, survey answers all counted.
 */
function messageEventQuery(em: Em, workspaceId: string, where: Fragment): MetricQuery {
  const any = (kind: keyof typeof MESSAGE_EVENTS, also = '') =>
    raw(`max(CASE WHEN e.name IN ${names(MESSAGE_EVENTS[kind]).sql}${also} THEN 1 ELSE 0 END)`);
  const survey = textProperty(em, 'survey');
  const score = numberProperty(em, 'score');
  const answers = (kind: string, also = '') =>
    raw(
      `sum(CASE WHEN e.name = '${SURVEY_ANSWERED}' AND ${survey} = '${kind}'${also} THEN 1 ELSE 0 END)`,
    );
  const all = [...Object.values(MESSAGE_EVENTS).flat(), SURVEY_ANSWERED];
  return {
    perKey: {
      key: 'o.id',
      columns: {
        dl: any('delivered'),
        op: any('opened'),
        cl: any('clicked'),
        un: any('unsubscribed'),
        bo: any('bounced'),
        bh: any('bounced', ` AND ${textProperty(em, BOUNCE_TYPE_PROPERTY)} = '${HARD_BOUNCE}'`),
        np: answers('nps'),
        pr: answers('nps', ` AND ${score} >= ${NPS_PROMOTER_MIN}`),
        de: answers('nps', ` AND ${score} <= ${NPS_DETRACTOR_MAX}`),
        cr: answers('csat'),
        cs: answers('csat', ` AND ${score} >= ${CSAT_SATISFIED_MIN}`),
      },
    },
    select: {
      delivered: raw('sum(m.dl)'),
      opened: raw('sum(m.op)'),
      clicked: raw('sum(m.cl)'),
      unsubscribed: raw('sum(m.un)'),
      'bounced.hard': raw('sum(m.bh)'),
      'bounced.soft': raw('sum(m.bo - m.bh)'),
      npsResponses: raw('sum(m.np)'),
      promoters: raw('sum(m.pr)'),
      detractors: raw('sum(m.de)'),
      csatResponses: raw('sum(m.cr)'),
      csatSatisfied: raw('sum(m.cs)'),
    },
    source: raw(
      `events e JOIN outbox_messages o ON o.workspace_id = e.workspace_id AND o.idempotency_key = ${textProperty(em, MESSAGE_ID_PROPERTY)}`,
    ),
    where: sql`e.workspace_id = ${workspaceId} AND e.name IN ${names(all)} AND ${inBucket('e.occurred_at')} AND ${where}`,
  };
}

/** Survey answers of the customers `e.customer_id` a condition selects (no message needed). */
function surveyQuery(em: Em, workspaceId: string, who: Fragment): MetricQuery {
  const survey = textProperty(em, 'survey');
  const score = numberProperty(em, 'score');
  const count = (kind: string, also = '') =>
    raw(`sum(CASE WHEN ${survey} = '${kind}'${also} THEN 1 ELSE 0 END)`);
  return {
    select: {
      npsResponses: count('nps'),
      promoters: count('nps', ` AND ${score} >= ${NPS_PROMOTER_MIN}`),
      detractors: count('nps', ` AND ${score} <= ${NPS_DETRACTOR_MAX}`),
      csatResponses: count('csat'),
      csatSatisfied: count('csat', ` AND ${score} >= ${CSAT_SATISFIED_MIN}`),
    },
    source: raw('events e'),
    where: sql`e.workspace_id = ${workspaceId} AND e.name = ${raw(`'${SURVEY_ANSWERED}'`)} AND ${inBucket('e.occurred_at')} AND ${who}`,
  };
}

/** Content events shown or engaged with on a channel (its `channel` property, any case). */
function contentQuery(em: Em, workspaceId: string, channel: string): MetricQuery {
  return {
    select: {
      impressions: raw(`sum(CASE WHEN e.name = '${CONTENT_IMPRESSION}' THEN 1 ELSE 0 END)`),
      engagements: raw(`sum(CASE WHEN e.name = '${CONTENT_ENGAGEMENT}' THEN 1 ELSE 0 END)`),
    },
    source: raw('events e'),
    where: sql`e.workspace_id = ${workspaceId} AND e.name IN ${names([CONTENT_IMPRESSION, CONTENT_ENGAGEMENT])}
      AND ${inBucket('e.occurred_at')} AND lower(${raw(textProperty(em, CONTENT_CHANNEL_PROPERTY))}) = lower(${channel})`,
  };
}

/** Distinct leads with a `Lead Became MQL` / `SQL` event that a condition on `e` attributes. */
function leadQuery(em: Em, workspaceId: string, attributed: Fragment): MetricQuery {
  return {
    select: {
      mqls: countDistinct(em, `CASE WHEN e.name = '${LEAD_BECAME_MQL}' THEN e.customer_id END`),
      sqls: countDistinct(em, `CASE WHEN e.name = '${LEAD_BECAME_SQL}' THEN e.customer_id END`),
    },
    source: raw('events e'),
    where: sql`e.workspace_id = ${workspaceId} AND e.name IN ${names([LEAD_BECAME_MQL, LEAD_BECAME_SQL])} AND ${inBucket('e.occurred_at')} AND ${attributed}`,
  };
}

/**
 * Orders of an audience (`od.customer_id IN (…)`) from 90 days before the start to the end,
 * grouped per customer: active at the start (an order in `[sw, s)`), at the end (`[ew, e)`).
 */
function audienceQuery(workspaceId: string, members: Fragment): MetricQuery {
  return {
    perKey: {
      key: 'od.customer_id',
      columns: {
        st: raw('max(CASE WHEN od.occurred_at < b.s THEN 1 ELSE 0 END)'),
        en: raw('max(CASE WHEN od.occurred_at >= b.ew THEN 1 ELSE 0 END)'),
      },
    },
    select: {
      customersStart: raw('sum(m.st)'),
      customersEnd: raw('sum(m.en)'),
      customersLost: raw('sum(CASE WHEN m.st = 1 AND m.en = 0 THEN 1 ELSE 0 END)'),
    },
    source: raw('orders od'),
    where: sql`od.workspace_id = ${workspaceId} AND od.occurred_at >= b.sw AND od.occurred_at < b.e
      AND od.customer_id IN (${members})`,
  };
}

/** Steps at a node (or by an arm of it) and the conversions of those enrollments after the step. */
function stepQuery(em: Em, where: Fragment): MetricQuery {
  return {
    select: {
      entered: countDistinct(em, 'en.customer_id'),
      conversions: countDistinct(em, 'CASE WHEN en.converted_at >= st.at THEN en.customer_id END'),
    },
    source: raw('journey_steps st JOIN journey_enrollments en ON en.id = st.enrollment_id'),
    where: sql`${where} AND ${inBucket('st.at')}`,
  };
}

const REACHED = raw(`('decide', 'action', 'wait', 'exit')`);

/** The steps of the lead `e.customer_id` (at or before its event) that a condition on `st` selects. */
const stepBefore = (condition: Fragment) =>
  sql`EXISTS (SELECT 1 FROM journey_steps st JOIN journey_enrollments en ON en.id = st.enrollment_id
    WHERE en.customer_id = e.customer_id AND ${condition} AND st.at <= e.occurred_at)`;

/** Messages `o` written at or after their enrollment took an arm of a split. */
const tookArm = (nodeId: string, arm: string) =>
  sql`EXISTS (SELECT 1 FROM journey_enrollments ae JOIN journey_steps ast ON ast.enrollment_id = ae.id
    WHERE ae.journey_id = o.journey_id AND ae.customer_id = o.customer_id AND ae.entry_number = o.entry_number
      AND ast.node_id = ${nodeId} AND ast.kind = 'decide' AND ast.handle = ${arm} AND ast.at <= o.created_at)`;

const members = (segmentIds: readonly string[]) =>
  sql`SELECT sm.customer_id FROM segment_memberships sm WHERE sm.segment_id IN (${paramList(segmentIds)})`;

/** The queries of a scope; which metrics each scope computes is `SCOPE_METRIC_GROUPS` (schema). */
export async function queriesFor(
  em: Em,
  workspaceId: string,
  scope: KpiScope,
): Promise<MetricQuery[]> {
  const ws = sql`${workspaceId}`;
  switch (scope.kind) {
    case 'campaign': {
      const campaign = await em.findOne(
        Campaign,
        { id: scope.campaignId },
        { fields: ['journeyIds', 'segmentIds'] },
      );
      const journeys = campaign?.journeyIds ?? [];
      const segments = campaign?.segmentIds ?? [];
      const ofJourneys = sql`o.workspace_id = ${ws} AND o.journey_id IN (${paramList(journeys)})`;
      const touched = sql`EXISTS (SELECT 1 FROM campaign_touches t WHERE t.campaign_id = ${scope.campaignId}
        AND t.customer_id = e.customer_id AND t.occurred_at <= e.occurred_at)`;
      const enrolled = sql`EXISTS (SELECT 1 FROM journey_enrollments en WHERE en.customer_id = e.customer_id
        AND en.journey_id IN (${paramList(journeys)}) AND en.entered_at <= e.occurred_at)`;
      return [
        touchQuery(em, sql`t.workspace_id = ${ws} AND t.campaign_id = ${scope.campaignId}`, true),
        {
          select: { spend: raw('sum(sp.amount)') },
          source: raw('campaign_spend sp'),
          where: sql`sp.workspace_id = ${ws} AND sp.campaign_id = ${scope.campaignId} AND sp.day >= b.d0 AND sp.day < b.d1`,
        },
        leadQuery(
          em,
          workspaceId,
          journeys.length > 0 ? sql`(${touched} OR ${enrolled})` : touched,
        ),
        ...(journeys.length > 0
          ? [sentQuery(ofJourneys), messageEventQuery(em, workspaceId, ofJourneys)]
          : []),
        ...(segments.length > 0 ? [audienceQuery(workspaceId, members(segments))] : []),
      ];
    }
    case 'journey': {
      const ofJourney = sql`o.workspace_id = ${ws} AND o.journey_id = ${scope.journeyId}`;
      return [
        {
          select: { entered: countDistinct(em, 'en.customer_id') },
          source: raw('journey_enrollments en'),
          where: sql`en.workspace_id = ${ws} AND en.journey_id = ${scope.journeyId} AND ${inBucket('en.entered_at')}`,
        },
        {
          select: { conversions: countDistinct(em, 'cv.customer_id') },
          source: raw('journey_enrollments cv'),
          where: sql`cv.workspace_id = ${ws} AND cv.journey_id = ${scope.journeyId} AND ${inBucket('cv.converted_at')}`,
        },
        sentQuery(ofJourney),
        messageEventQuery(em, workspaceId, ofJourney),
        leadQuery(
          em,
          workspaceId,
          sql`EXISTS (SELECT 1 FROM journey_enrollments en WHERE en.customer_id = e.customer_id
            AND en.journey_id = ${scope.journeyId} AND en.entered_at <= e.occurred_at)`,
        ),
      ];
    }
    case 'journeyNode': {
      const atNode = sql`o.workspace_id = ${ws} AND o.journey_id = ${scope.journeyId} AND o.node_id = ${scope.nodeId}`;
      return [
        stepQuery(
          em,
          sql`st.workspace_id = ${ws} AND st.journey_id = ${scope.journeyId} AND st.node_id = ${scope.nodeId} AND st.kind IN ${REACHED}`,
        ),
        sentQuery(atNode),
        messageEventQuery(em, workspaceId, atNode),
        leadQuery(
          em,
          workspaceId,
          stepBefore(
            sql`st.journey_id = ${scope.journeyId} AND st.node_id = ${scope.nodeId} AND st.kind IN ${REACHED}`,
          ),
        ),
      ];
    }
    case 'experimentArm': {
      const ofArm = sql`o.workspace_id = ${ws} AND o.journey_id = ${scope.journeyId} AND ${tookArm(scope.nodeId, scope.arm)}`;
      const decided = sql`st.journey_id = ${scope.journeyId} AND st.node_id = ${scope.nodeId} AND st.kind = 'decide' AND st.handle = ${scope.arm}`;
      return [
        stepQuery(em, sql`st.workspace_id = ${ws} AND ${decided}`),
        sentQuery(ofArm),
        messageEventQuery(em, workspaceId, ofArm),
        leadQuery(em, workspaceId, stepBefore(decided)),
      ];
    }
    case 'segment': {
      const current = members([scope.segmentId]);
      return [
        {
          select: {
            entered: countDistinct(em, `CASE WHEN tr.kind = 'entered' THEN tr.customer_id END`),
          },
          source: raw('segment_transitions tr'),
          where: sql`tr.workspace_id = ${ws} AND tr.segment_id = ${scope.segmentId} AND ${inBucket('tr.at')}`,
        },
        {
          select: {
            orders: raw('count(*)'),
            revenue: raw('sum(od.amount)'),
            buyers: countDistinct(em, 'od.customer_id'),
            grossMargin: raw(
              'CASE WHEN count(od.cost) = count(*) THEN coalesce(sum(od.amount - od.cost), 0) END',
            ),
            newCustomers: countDistinct(
              em,
              `CASE WHEN NOT ${earlierOrder('od.customer_id', 'od.occurred_at')} THEN od.customer_id END`,
            ),
          },
          nullable: ['grossMargin'],
          source: raw('orders od'),
          where: sql`od.workspace_id = ${ws} AND ${inBucket('od.occurred_at')} AND od.customer_id IN (${current})`,
        },
        audienceQuery(workspaceId, current),
        surveyQuery(em, workspaceId, sql`e.customer_id IN (${current})`),
        leadQuery(em, workspaceId, sql`e.customer_id IN (${current})`),
      ];
    }
    case 'channel': {
      const onChannel = sql`o.workspace_id = ${ws} AND o.channel = ${scope.channel}`;
      return [
        touchQuery(em, sql`t.workspace_id = ${ws} AND t.channel = ${scope.channel}`, false),
        sentQuery(onChannel),
        messageEventQuery(em, workspaceId, onChannel),
        contentQuery(em, workspaceId, scope.channel),
      ];
    }
    default:
      return assertUnreachable(scope);
  }
}
