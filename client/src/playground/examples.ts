/** The example operations the playground opens with: what a frontend developer starts from. */

export interface ExampleIds {
  /** A customer of the workspace (its id and email), if there is one. */
  readonly customer?: { readonly id: string; readonly email: string | null };
  /** A segment of the workspace, if there is one. */
  readonly segmentId?: string;
  /** A published (active) journey of the workspace, if there is one. */
  readonly journeyId?: string;
}

export interface ExampleTab {
  readonly query: string;
  readonly variables: string;
}

const json = (value: unknown) => JSON.stringify(value, null, 2);

export const MEMBERSHIP_QUERY = `# Is this customer in this segment now? (from the stored membership: one index lookup)
query MembershipCheckQuery($customerId: ID!, $segmentId: ID!) {
  isMember(customerId: $customerId, segmentId: $segmentId)
}
`;

export const CUSTOMER_360_QUERY = `# Everything about one customer: profile, identities, segments, scores, consent, orders, events.
query Customer360Query($id: ID!) {
  customer(id: $id) {
    id
    email
    traits
    identities { kind source value }
    segments { segmentId enteredAt }
    scores { model value at }
    consent { channel granted recordedAt }
    orders { orderId amount currency occurredAt }
    events(first: 5) {
      totalCount
      edges { node { name occurredAt properties } }
    }
  }
}
`;

export const TRACK_MUTATION = `# Send events (up to 1,000 per call). A replay with the same messageId is stored once.
mutation TrackEventsMutation($events: [TrackInput!]!) {
  track(events: $events) {
    accepted
    duplicates
    rejected
    results { index status customerId problems { code message path } }
  }
}
`;

export const IDENTIFY_MUTATION = `# Create or update profiles; an anonymous profile named with a known one merges into it.
mutation IdentifyMutation($people: [IdentifyInput!]!) {
  identify(people: $people) {
    accepted
    results { index status profile customerId mergedCustomerIds problems { code message path } }
  }
}
`;

export const PREVIEW_QUERY = `# How many customers an unsaved rule selects now, and a few of them.
query SegmentPreviewExampleQuery($rule: JSONObject!) {
  segmentPreview(rule: $rule, sampleSize: 3) {
    count
    problems { code message nodeId }
    sample { id email }
  }
}
`;

export const KPI_QUERY = `# KPI values of one scope (a journey, segment, campaign, channel…) per day, week or month.
query KpiValuesQuery(
  $scope: KpiScopeInput!
  $kpiIds: [String!]!
  $from: DateTimeISO!
  $to: DateTimeISO!
  $unit: String!
  $timeZone: String!
) {
  kpiSeries(scope: $scope, kpiIds: $kpiIds, from: $from, to: $to, unit: $unit, timeZone: $timeZone) {
    label
    values { kpiId value unit direction target status }
    metrics
  }
}
`;

/**
 * The last `months` calendar months in UTC, this one included: from the first of the earliest
 * to the first of the next month.
 *
 * @example
 * lastMonths(new Date('2026-11-23T10:00:00Z'), 3)
 * // { from: '2026-09-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z' }
 */
export function lastMonths(now: Date, months: number): { from: string; to: string } {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  return {
    from: new Date(Date.UTC(y, m - months + 1, 1)).toISOString(),
    to: new Date(Date.UTC(y, m + 1, 1)).toISOString(),
  };
}

/**
 * The KPI example's scope: the workspace's published journey (its conversion rate), else its
 * segment (its members' revenue and average order value), else the email channel.
 */
export function kpiScope(ids: ExampleIds): {
  scope: Record<string, string>;
  kpiIds: string[];
  note: string;
} {
  if (ids.journeyId)
    return {
      scope: { kind: 'journey', journeyId: ids.journeyId },
      kpiIds: ['conversionRate'],
      note: 'Scope: your published journey (entered, conversions, messages sent).',
    };
  if (ids.segmentId)
    return {
      scope: { kind: 'segment', segmentId: ids.segmentId },
      kpiIds: ['revenue', 'averageOrderValue'],
      note: "Scope: your segment (entries, and its members' orders).",
    };
  return {
    scope: { kind: 'channel', channel: 'email' },
    kpiIds: ['conversionRate', 'revenue'],
    note: 'Scope: the email channel (campaign touches); publish a journey or save a segment for more.',
  };
}

/**
 * The example tabs after the first one, with variables filled in from the workspace: a real
 * customer (and segment) so each runs as it is. Without a segment the membership check says how
 * to make one.
 *
 * @example
 * exampleTabs({ customer: { id: 'c1', email: 'ada@example.com' }, segmentId: 's1' }).length // 6
 */
export function exampleTabs(ids: ExampleIds, now: Date = new Date()): ExampleTab[] {
  const kpi = kpiScope(ids);
  const customerId = ids.customer?.id ?? 'a customer id from the customers query';
  const email = ids.customer?.email ?? 'ada@example.com';
  return [
    {
      query: ids.segmentId
        ? MEMBERSHIP_QUERY
        : `# No segment yet: build one under Segments (or with createSegment), then put its id below.\n${MEMBERSHIP_QUERY}`,
      variables: json({ customerId, segmentId: ids.segmentId ?? 'a segment id' }),
    },
    { query: CUSTOMER_360_QUERY, variables: json({ id: customerId }) },
    {
      query: TRACK_MUTATION,
      variables: json({
        events: [
          { email, event: 'Page Viewed', properties: { url: '/pricing' } },
          { email, event: 'Product Added', properties: { productId: 'sku-mug', price: 12.5 } },
        ],
      }),
    },
    {
      query: IDENTIFY_MUTATION,
      variables: json({ people: [{ email, traits: { plan: 'growth' } }] }),
    },
    {
      query: PREVIEW_QUERY,
      variables: json({
        rule: {
          version: 1,
          root: {
            kind: 'event',
            event: 'Page Viewed',
            where: { kind: 'property', path: 'url', type: 'string', op: 'eq', value: '/pricing' },
            measure: { type: 'count', window: { type: 'ever' }, compare: { op: 'gte', value: 1 } },
          },
        },
      }),
    },
    {
      query: `# ${kpi.note}\n${KPI_QUERY}`,
      variables: json({
        scope: kpi.scope,
        kpiIds: kpi.kpiIds,
        ...lastMonths(now, 3),
        unit: 'month',
        timeZone: 'UTC',
      }),
    },
  ];
}
