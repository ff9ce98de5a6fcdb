import { useState } from 'react';
import { formatDate } from '../format';

interface ConsentRecord {
  readonly channel: string;
  readonly granted: boolean;
  readonly source?: string | null;
  readonly recordedAt: string;
}

/** The consent per channel now, and every decision behind it on demand. */
export function ConsentPanel(props: {
  readonly consent: readonly ConsentRecord[];
  readonly history: readonly ConsentRecord[];
}) {
  const [open, setOpen] = useState(false);
  return (
    <section className="panel" aria-labelledby="c-consent">
      <h2 id="c-consent" className="panel__title">
        Consent
      </h2>
      {props.consent.length === 0 ? (
        <p className="muted">
          No consent recorded: nothing may be sent on any channel until the person opts in.
        </p>
      ) : (
        <ul className="tag-list" data-testid="customer-consent">
          {props.consent.map((c) => (
            <li key={c.channel}>
              <span className={`badge ${c.granted ? 'badge--ok' : 'badge--error'}`}>
                {c.channel}: {c.granted ? 'opted in' : 'opted out'}
              </span>
            </li>
          ))}
        </ul>
      )}
      {props.history.length > 0 && (
        <>
          <button
            type="button"
            className="re-link"
            aria-expanded={open}
            onClick={() => setOpen(!open)}
          >
            {open ? 'Hide history' : `History (${props.history.length})`}
          </button>
          {open && (
            <ol className="history" data-testid="consent-history">
              {props.history.map((c, i) => (
                <li key={i}>
                  {formatDate(c.recordedAt)} · {c.channel} {c.granted ? 'granted' : 'withdrawn'}
                  {c.source && <span className="muted"> ({c.source})</span>}
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}
