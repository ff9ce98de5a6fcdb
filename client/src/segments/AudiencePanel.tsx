import { Link } from 'react-router';
import { traitText } from '../customers/format';
import type { ErrorLike } from '../api/describeError';
import { ErrorNotice } from '../ui/ErrorNotice';

interface Preview {
  readonly count?: number | null;
  readonly sample: readonly {
    readonly id: string;
    readonly email?: string | null;
    readonly traits: Record<string, unknown>;
  }[];
}

/** The live audience beside the editor: how many customers the draft selects now, and a few of them. */
export function AudiencePanel(props: {
  readonly preview: Preview | undefined;
  readonly stale: boolean;
  readonly blocked: boolean;
  readonly error: ErrorLike | undefined;
  readonly onRetry: () => void;
}) {
  const { preview, stale, blocked, error } = props;
  return (
    <aside className="panel audience" aria-label="Audience" data-testid="audience">
      <h2 className="panel__title">Audience now</h2>
      {blocked ? (
        <p className="muted" data-testid="audience-blocked">
          Fix the problems marked in red to see who matches.
        </p>
      ) : error && !preview ? (
        <ErrorNotice title="Could not count the audience" error={error} onRetry={props.onRetry} />
      ) : preview?.count == null ? (
        <p className="muted">
          <span className="spinner spinner--inline" aria-hidden="true" /> Counting…
        </p>
      ) : (
        <>
          <p
            className={`audience__count${stale ? ' audience__count--stale' : ''}`}
            aria-busy={stale}
          >
            <span data-testid="audience-count">{preview.count.toLocaleString()}</span>
            <span className="audience__unit">{preview.count === 1 ? 'customer' : 'customers'}</span>
          </p>
          <p className="muted audience__hint">
            Counted on the server as you edit; saving keeps it up to date.
          </p>
          {preview.sample.length > 0 && (
            <>
              <h3 className="panel__subtitle">A sample</h3>
              <ul className="sample" data-testid="audience-sample">
                {preview.sample.map((c) => (
                  <li key={c.id}>
                    <Link to={`/customers/${c.id}`} className="sample__link">
                      <span className="sample__name">
                        {traitText(c.traits, 'name') ?? c.email ?? c.id}
                      </span>
                      {c.email && <span className="muted sample__email">{c.email}</span>}
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          )}
          {preview.count === 0 && (
            <p className="muted">
              No one matches yet. Loosen a condition, or switch a group to “any”.
            </p>
          )}
        </>
      )}
    </aside>
  );
}
