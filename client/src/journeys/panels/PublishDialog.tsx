import { describeChanges, type JourneyGraph } from '@cairn/schema';
import { useEffect, useRef } from 'react';

/** Confirms a publish with the summary of what changed since the live version. */
export function PublishDialog(props: {
  readonly before: JourneyGraph | undefined;
  readonly after: JourneyGraph;
  readonly publishing: boolean;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  const changes = describeChanges(props.before, props.after);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="publish-title"
      onCancel={props.onCancel}
      data-testid="publish-dialog"
    >
      <h2 id="publish-title">{props.before ? 'Publish a new version' : 'Publish this journey'}</h2>
      <p className="muted">
        {props.before
          ? 'Customers who enter from now on follow the new version. What changed:'
          : 'Customers start entering as soon as it is published. It contains:'}
      </p>
      <ul className="dialog__changes" data-testid="publish-changes">
        {(changes.length ? changes : ['Nothing changed since the live version.']).map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      <div className="dialog__actions">
        <button type="button" className="button button--ghost" onClick={props.onCancel}>
          Cancel
        </button>
        <button
          type="button"
          className="button button--primary"
          onClick={props.onConfirm}
          disabled={props.publishing}
          data-testid="publish-confirm"
        >
          {props.publishing ? 'Publishing…' : 'Publish'}
        </button>
      </div>
    </dialog>
  );
}
