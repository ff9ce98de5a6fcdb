import { getFragmentData, graphql, type FragmentType } from '../../gql';

export const TimelineEvent_event = graphql(`
  fragment TimelineEvent_event on Event {
    id
    name
    occurredAt
    properties
  }
`);

const time = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A short "key: value" summary of an event's properties (first few). */
export function propertySummary(properties: Readonly<Record<string, unknown>>, max = 4): string {
  const entries = Object.entries(properties).filter(([, v]) => v !== null && typeof v !== 'object');
  const shown = entries.slice(0, max).map(([k, v]) => `${k}: ${String(v)}`);
  return entries.length > max
    ? `${shown.join(' · ')} · +${entries.length - max} more`
    : shown.join(' · ');
}

/** One event in the timeline: when, what, and its properties. */
export function TimelineEvent(props: { readonly event: FragmentType<typeof TimelineEvent_event> }) {
  const e = getFragmentData(TimelineEvent_event, props.event);
  return (
    <li className="timeline__item" data-testid="timeline-event" data-name={e.name}>
      <span className="timeline__dot" aria-hidden="true" />
      <div>
        <div className="timeline__head">
          <strong>{e.name}</strong>
          <time className="muted" dateTime={e.occurredAt}>
            {time.format(new Date(e.occurredAt))}
          </time>
        </div>
        <div className="muted timeline__props">{propertySummary(e.properties)}</div>
      </div>
    </li>
  );
}
