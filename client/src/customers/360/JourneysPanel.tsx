import { Link } from 'react-router';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import { formatDateTime } from '../format';
import { entryStatus, stepName } from './journey-entry';

export const JourneysPanel_customer = graphql(`
  fragment JourneysPanel_customer on Customer {
    journeys {
      id
      journeyId
      journeyName
      version
      entryNumber
      status
      nodeId
      stepLabel
      stepKind
      awaiting
      waitingUntil
      since
      enteredAt
      exitedAt
      exitReason
      convertedAt
    }
  }
`);

/** The journeys the customer entered, newest entry first: where they are now and since when. */
export function JourneysPanel(props: {
  readonly customer: FragmentType<typeof JourneysPanel_customer>;
}) {
  const { journeys } = getFragmentData(JourneysPanel_customer, props.customer);
  return (
    <section className="panel" aria-labelledby="c-journeys">
      <h2 id="c-journeys" className="panel__title">
        Journeys
      </h2>
      {journeys.length === 0 ? (
        <p className="muted" data-testid="customer-journeys-empty">
          In no journey yet. Customers enter a published journey when its trigger happens (an event,
          a segment entry, a score): <Link to="/journeys">open Journeys to publish one</Link>.
        </p>
      ) : (
        <table className="table table--compact c360__journeys" data-testid="customer-journeys">
          <thead>
            <tr>
              <th>Journey</th>
              <th>Status</th>
              <th>Current step</th>
            </tr>
          </thead>
          <tbody>
            {journeys.map((e) => {
              const status = entryStatus(e);
              return (
                <tr key={e.id} data-testid="customer-journey" data-journey-id={e.journeyId}>
                  <td>
                    <Link to={`/journeys/${e.journeyId}`}>{e.journeyName || 'Journey'}</Link>
                    <div className="muted table__sub" data-testid="journey-entry-meta">
                      v{e.version} · entry {e.entryNumber} · entered {formatDateTime(e.enteredAt)}
                    </div>
                  </td>
                  <td>
                    <span
                      className={`badge entry--${status.tone}`}
                      data-testid="journey-entry-status"
                      data-tone={status.tone}
                    >
                      {status.label}
                    </span>
                  </td>
                  <td data-testid="journey-entry-step" data-node-id={e.nodeId}>
                    {stepName(e)}
                    <div className="muted table__sub">
                      {e.status === 'active'
                        ? `since ${formatDateTime(e.since)}`
                        : `the last step; left ${formatDateTime(e.exitedAt ?? e.since)}`}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
