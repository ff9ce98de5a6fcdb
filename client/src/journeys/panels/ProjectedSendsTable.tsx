/** One send step's projection, as `backtestJourney` returns it. */
export interface ProjectedSendsRow {
  readonly nodeId: string;
  readonly channel: string;
  readonly sent: number;
  readonly deferred: number;
  readonly skippedNoConsent: number;
  readonly skippedFrequencyCap: number;
}

/** What each send step would have sent, held for quiet hours, or skipped (and why). */
export function ProjectedSendsTable(props: {
  readonly sends: readonly ProjectedSendsRow[];
  readonly nodeLabel: (id: string) => string | undefined;
}) {
  if (props.sends.length === 0)
    return <p className="muted">The draft has no send steps, so nothing would have been sent.</p>;
  return (
    <table className="backtest__sends" data-testid="backtest-sends">
      <caption>Projected sends</caption>
      <thead>
        <tr>
          <th scope="col">Step</th>
          <th scope="col" title="Messages that would have gone out">
            Sent
          </th>
          <th scope="col" title="Held for quiet hours (sent when they end)">
            Held
          </th>
          <th scope="col" title="Skipped: no consent for the channel">
            No consent
          </th>
          <th scope="col" title="Skipped: over the frequency cap">
            Capped
          </th>
        </tr>
      </thead>
      <tbody>
        {props.sends.map((s) => (
          <tr key={s.nodeId} data-testid={`backtest-sends-${s.nodeId}`}>
            <th scope="row">
              {props.nodeLabel(s.nodeId) ?? s.nodeId} <span className="muted">({s.channel})</span>
            </th>
            <td data-testid="sent">{s.sent}</td>
            <td data-testid="deferred">{s.deferred}</td>
            <td data-testid="skipped-no-consent">{s.skippedNoConsent}</td>
            <td data-testid="skipped-frequency-cap">{s.skippedFrequencyCap}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
