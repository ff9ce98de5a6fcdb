import { describeError, type ErrorLike } from '../api/describeError';

interface Props {
  /** What failed, e.g. "Could not load customers". */
  readonly title: string;
  readonly error: ErrorLike;
  /** Offered as a "Try again" button when given. */
  readonly onRetry?: () => void;
}

/** An error with its code, message, what to do next, and the request id to report. */
export function ErrorNotice({ title, error, onRetry }: Props) {
  const { code, message, hint, requestId } = describeError(error);
  return (
    <section className="state state--error" role="alert" data-testid="error-notice">
      <h2 className="state__title">{title}</h2>
      <p>
        <code className="badge badge--error" data-testid="error-code">
          {code}
        </code>{' '}
        <span data-testid="error-message">{message}</span>
      </p>
      {hint && <p className="muted">{hint}</p>}
      {requestId && (
        <p className="muted">
          Request id: <code data-testid="error-request-id">{requestId}</code>
        </p>
      )}
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </section>
  );
}
