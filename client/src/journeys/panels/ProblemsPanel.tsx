import type { EditorProblem } from '../editor/merge-problems';

/**
 * Every problem of the draft, errors first: the browser's compile and the server's (from the last
 * save), each once. Choosing one focuses its step on the canvas.
 */
export function ProblemsPanel(props: {
  readonly problems: readonly EditorProblem[];
  readonly nodeLabel: (id: string) => string | undefined;
  readonly onFocus: (nodeId: string) => void;
}) {
  const sorted = [...props.problems].sort(
    (a, b) => Number(a.severity !== 'error') - Number(b.severity !== 'error'),
  );
  return (
    <section className="problems" aria-label="Problems" data-testid="problems-panel">
      <h2 className="problems__title">
        Problems <span className="problems__count">{props.problems.length}</span>
      </h2>
      {sorted.length === 0 ? (
        <p className="muted problems__none" data-testid="no-problems">
          No problems: this journey can be published.
        </p>
      ) : (
        <ul className="problems__list">
          {sorted.map((p, i) => (
            <li key={`${p.code}-${p.nodeId ?? p.edgeId ?? ''}-${i}`}>
              <button
                type="button"
                className={`problem problem--${p.severity}`}
                disabled={p.nodeId === undefined}
                onClick={() => p.nodeId !== undefined && props.onFocus(p.nodeId)}
                data-testid="problem"
                data-code={p.code}
                data-node={p.nodeId}
                data-source={p.source ?? 'browser'}
              >
                <span className="problem__severity">
                  {p.severity === 'error' ? 'Error' : 'Warning'}
                </span>
                {p.nodeId !== undefined && (
                  <span className="problem__node">{props.nodeLabel(p.nodeId) ?? p.nodeId}</span>
                )}
                <span className="problem__message">{p.message}</span>
                {p.source === 'server' && (
                  <span
                    className="problem__source"
                    title="Found by the server on save (it checks names against the whole workspace)"
                  >
                    server
                  </span>
                )}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
