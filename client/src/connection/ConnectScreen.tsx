import { useId, useState, type FormEvent } from 'react';
import { normalizeApiKey } from './apiKey';
import { useConnection } from './useConnection';

/** Asks for an API key when none is configured, or when the server rejected the one in use. */
export function ConnectScreen() {
  const { message, connect } = useConnection();
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string>();
  const inputId = useId();
  const hintId = useId();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const apiKey = normalizeApiKey(draft);
    if (apiKey === undefined) {
      setProblem('Paste the whole key, e.g. cairn_AbC…, without spaces inside it.');
      return;
    }
    connect(apiKey);
  }

  return (
    <main className="connect">
      <title>Connect · Cairn</title>
      <form className="connect__card" onSubmit={submit} data-testid="connect-screen">
        <div className="brand brand--large" aria-hidden="true">
          <span className="brand__mark" />
          Cairn
        </div>
        <h1>Connect to Cairn</h1>
        {message && (
          <p className="notice notice--error" role="alert" data-testid="connect-message">
            {message}
          </p>
        )}
        <p id={hintId} className="muted">
          Paste an API key of your workspace. When you start the server with the demo data, it
          prints the demo key on startup and keeps it in <code>data/demo-api-key</code>. The key is
          saved in this browser only.
        </p>
        <label htmlFor={inputId}>API key</label>
        <input
          id={inputId}
          className="input"
          type="password"
          autoComplete="off"
          spellCheck={false}
          placeholder="cairn_…"
          aria-describedby={hintId}
          aria-invalid={problem !== undefined}
          value={draft}
          onChange={(event) => {
            setDraft(event.target.value);
            setProblem(undefined);
          }}
          data-testid="api-key-input"
        />
        {problem && (
          <p className="field-error" role="alert">
            {problem}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={draft.trim() === ''}>
          Connect
        </button>
      </form>
    </main>
  );
}
