import type { FieldPath, Problem } from '../errors/catalog';
import type { BaseMetricId } from './base-metrics';

/**
 * The event vocabulary the base metrics are counted from (`semantics.md`, "Where each base
 * metric comes from"). Integrators send these through the normal track API; the server's metric
 * SQL and ingestion's checks read the names and properties from here.
 */

/**
 * Message events: what a provider's webhook or SDK reports about one message Cairn sent. The
 * `Message …` names serve every channel; the `Email …` names are the same events for email (the
 * vocabulary email tools and the hard-bounce journey already speak).
 */
export const MESSAGE_EVENTS = {
  delivered: ['Message Delivered', 'Email Delivered'],
  opened: ['Message Opened', 'Email Opened'],
  clicked: ['Message Clicked', 'Email Clicked'],
  bounced: ['Message Bounced', 'Email Bounced'],
  unsubscribed: ['Message Unsubscribed', 'Email Unsubscribed'],
} as const satisfies Record<string, readonly string[]>;

export type MessageEventKind = keyof typeof MESSAGE_EVENTS;

/**
 * The property naming the message an event is about: the message's idempotency key, which the
 * provider received (`Idempotency-Key` header and body field for HTTP channels,
 * `X-Cairn-Idempotency-Key` header for email).
 */
export const MESSAGE_ID_PROPERTY = 'messageId';

/** A bounce is hard when this property is `"hard"`; any other value, or none, is a soft bounce. */
export const BOUNCE_TYPE_PROPERTY = 'type';
export const HARD_BOUNCE = 'hard';

/** Content events: content (an ad, a post, an in-app message) shown, and interactions with it. */
export const CONTENT_IMPRESSION = 'Content Impression';
export const CONTENT_ENGAGEMENT = 'Content Engagement';
/** The channel a content event happened on (`facebook`, `display`, `inApp`…); required. */
export const CONTENT_CHANNEL_PROPERTY = 'channel';
export const CONTENT_EVENTS = [CONTENT_IMPRESSION, CONTENT_ENGAGEMENT] as const;

/** Lead lifecycle events: scoring emits the first; sales (or a CRM) the second. */
export const LEAD_BECAME_MQL = 'Lead Became MQL';
export const LEAD_BECAME_SQL = 'Lead Became SQL';

/** A survey answer: `survey` is the kind (`nps` or `csat`), `score` the answer on its scale. */
export const SURVEY_ANSWERED = 'Survey Answered';
export const SURVEY_SCALES = {
  nps: { min: 0, max: 10 },
  csat: { min: 1, max: 5 },
} as const satisfies Record<string, { readonly min: number; readonly max: number }>;
export type SurveyKind = keyof typeof SURVEY_SCALES;
/** NPS answers of 9 or 10 are promoters, 0 to 6 detractors (7 and 8 are passives). */
export const NPS_PROMOTER_MIN = 9;
export const NPS_DETRACTOR_MAX = 6;
/** CSAT answers of 4 or 5 (of 5) are satisfied. */
export const CSAT_SATISFIED_MIN = 4;

/**
 * A customer is **active** at an instant when they have a completed order in the `ACTIVE_CUSTOMER_DAYS`
 * days before it (`[t − 90 days, t)`); churn and retention count changes of that state.
 */
export const ACTIVE_CUSTOMER_DAYS = 90;

/** An `Order Completed` property: the order's cost of goods sold (else the products' `cost`). */
export const ORDER_COST_PROPERTY = 'cost';

/** The metric groups of `semantics.md`, each counted from one kind of source. */
export const METRIC_GROUPS = {
  messages: [
    'sent',
    'delivered',
    'opened',
    'clicked',
    'bounced.hard',
    'bounced.soft',
    'unsubscribed',
  ],
  surveys: ['promoters', 'detractors', 'npsResponses', 'csatSatisfied', 'csatResponses'],
  content: ['impressions', 'engagements'],
  entered: ['entered'],
  conversions: ['conversions'],
  orders: ['orders', 'buyers', 'revenue', 'grossMargin', 'newCustomers'],
  spend: ['spend'],
  audience: ['customersStart', 'customersEnd', 'customersLost'],
  leads: ['mqls', 'sqls'],
} as const satisfies Record<string, readonly BaseMetricId[]>;

export type MetricGroup = keyof typeof METRIC_GROUPS;

/**
 * Which metric groups each KPI scope computes (`semantics.md`, "Base metrics per scope"); a
 * metric outside them stays missing. A campaign computes `messages` and `surveys` only when it
 * lists journeys, `audience` only when it lists segments.
 */
export const SCOPE_METRIC_GROUPS = {
  campaign: [
    'messages',
    'surveys',
    'content',
    'entered',
    'conversions',
    'orders',
    'spend',
    'audience',
    'leads',
  ],
  journey: ['messages', 'surveys', 'entered', 'conversions', 'leads'],
  journeyNode: ['messages', 'surveys', 'entered', 'conversions', 'leads'],
  experimentArm: ['messages', 'surveys', 'entered', 'conversions', 'leads'],
  segment: ['surveys', 'entered', 'orders', 'audience', 'leads'],
  channel: ['messages', 'surveys', 'content', 'entered', 'conversions', 'orders'],
} as const satisfies Record<string, readonly MetricGroup[]>;

export type KpiScopeKind = keyof typeof SCOPE_METRIC_GROUPS;

/** The base metrics a scope kind computes (besides `periodDays`, which every scope has). */
export function scopeMetrics(kind: KpiScopeKind): BaseMetricId[] {
  return SCOPE_METRIC_GROUPS[kind].flatMap((g): BaseMetricId[] => [...METRIC_GROUPS[g]]);
}

const isSurveyKind = (value: unknown): value is SurveyKind =>
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(SURVEY_SCALES, value);

/**
 * Checks a `Survey Answered` event's properties: `survey` is a known kind and `score` a whole
 * number on its scale. Every problem has the path of its field under `path`.
 *
 * @example
 * readSurveyAnswer({ survey: 'nps', score: 11 }, [0, 'properties'])
 * // [{ code: 'SURVEY_SCORE_OUT_OF_RANGE', path: [0, 'properties', 'score'], message: '…0 to 10…' }]
 */
export function readSurveyAnswer(properties: Record<string, unknown>, path: FieldPath): Problem[] {
  const kind = properties['survey'];
  if (!isSurveyKind(kind))
    return [
      {
        code: 'BAD_USER_INPUT',
        path: [...path, 'survey'],
        message: `A "${SURVEY_ANSWERED}" event needs survey: ${Object.keys(SURVEY_SCALES)
          .map((k) => `"${k}"`)
          .join(' or ')} (got ${JSON.stringify(kind ?? null)}).`,
      },
    ];
  const { min, max } = SURVEY_SCALES[kind];
  const score = properties['score'];
  if (typeof score !== 'number' || !Number.isInteger(score) || score < min || score > max)
    return [
      {
        code: 'SURVEY_SCORE_OUT_OF_RANGE',
        path: [...path, 'score'],
        message: `score of a ${kind} answer must be a whole number from ${min} to ${max} (got ${JSON.stringify(score ?? null)}).`,
      },
    ];
  return [];
}

/**
 * Checks a content event's `channel` property: a non-empty string of at most 50 characters.
 */
export function readContentChannel(
  properties: Record<string, unknown>,
  path: FieldPath,
): Problem[] {
  const channel = properties[CONTENT_CHANNEL_PROPERTY];
  if (typeof channel === 'string' && channel.trim() !== '' && channel.length <= 50) return [];
  return [
    {
      code: 'BAD_USER_INPUT',
      path: [...path, CONTENT_CHANNEL_PROPERTY],
      message: `A content event needs ${CONTENT_CHANNEL_PROPERTY}: where it was shown, e.g. "facebook" or "inApp" (1 to 50 characters).`,
    },
  ];
}
