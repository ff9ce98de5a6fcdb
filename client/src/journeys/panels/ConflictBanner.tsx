import { useState } from 'react';
import type { DraftConflict } from '../editor/draft-sync';

/**
 * The draft was saved elsewhere (another tab, another marketer) since this editor loaded it.
 * Nothing is saved until the marketer chooses: reload theirs (undo brings this draft back), or
 * keep mine (saved over theirs). Lists what this draft changes compared to theirs.
 */
export function ConflictBanner(props: {
  readonly conflict: DraftConflict;
  readonly onReloadTheirs: () => Promise<boolean>;
  readonly onKeepMine: () => Promise<boolean>;
}) {
  const { conflict } = props;
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const choose = (action: () => Promise<boolean>) => async () => {
    setBusy(true);
    setFailed(false);
    const done = await action();
    setBusy(false);
    setFailed(!done);
  };
  return (
    <section
      className="conflict"
      role="alertdialog"
      aria-labelledby="conflict-title"
      aria-describedby="conflict-text"
      data-testid="save-conflict"
    >
      <h2 id="conflict-title" className="conflict__title">
        This draft was changed elsewhere
      </h2>
      <p id="conflict-text" className="conflict__text">
        Someone saved the journey
        {conflict.theirs ? ` (revision ${conflict.theirs.revision})` : ''} after you opened it. Your
        edits are kept here and not saved until you choose.
      </p>
      {conflict.changes.length > 0 && (
        <details className="conflict__changes">
          <summary>What your draft changes compared to theirs</summary>
          <ul data-testid="conflict-changes">
            {conflict.changes.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </details>
      )}
      {failed && (
        <p className="field__error" role="alert">
          Could not reach the server; try again.
        </p>
      )}
      <div className="conflict__actions">
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => void choose(props.onReloadTheirs)()}
          title="Their draft replaces yours here; Undo brings yours back"
          data-testid="conflict-reload-theirs"
        >
          Reload theirs
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={busy}
          onClick={() => void choose(props.onKeepMine)()}
          title="Your draft is saved over theirs"
          data-testid="conflict-keep-mine"
        >
          Keep mine
        </button>
      </div>
    </section>
  );
}
