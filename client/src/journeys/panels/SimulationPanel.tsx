import { useState } from 'react';
import { useClient } from 'urql';
import { describeError } from '../../api/describeError';
import { getFragmentData } from '../../gql';
import type { SimulateJourneyInput } from '../../gql/graphql';
import { JourneyEditorProblem, SimulateJourneyQuery } from '../api';
import type { EditorStore } from '../editor/editor-store';
import { toGraph } from '../editor/graph-convert';
import { useInspectorData } from '../inspector/InspectorContext';
import { ExplanationTree } from './ExplanationTree';
import { readTimeline } from './timeline';

type Result = NonNullable<Awaited<ReturnType<typeof runSimulation>>>;
type Step = Result['steps'][number];

const STEP_TEXT: Record<string, string> = {
  decide: 'Decided',
  action: 'Ran',
  wait: 'Waits at',
  resume: 'Resumed at',
  exit: 'Left at',
};

async function runSimulation(client: ReturnType<typeof useClient>, input: SimulateJourneyInput) {
  const result = await client
    .query(SimulateJourneyQuery, { input }, { requestPolicy: 'network-only' })
    .toPromise();
  if (result.error) throw result.error;
  return result.data?.simulateJourney;
}

/**
 * Follows one customer (from the workspace, or a profile by hand) through the draft on the
 * server's virtual clock, over a hand-written timeline; each step lights up on the canvas, one at
 * a time, with each decision's explanation.
 */
export function SimulationPanel(props: {
  readonly store: EditorStore;
  readonly nodeLabel: (id: string) => string | undefined;
  readonly onStep: (
    path: ReadonlyMap<string, number> | undefined,
    current: string | undefined,
  ) => void;
  readonly onClose: () => void;
}) {
  const client = useClient();
  const { customers } = useInspectorData();
  const [customerId, setCustomerId] = useState(customers[0]?.id ?? '');
  const [timeline, setTimeline] = useState('+0m Cart Abandoned');
  const [error, setError] = useState<string>();
  const [result, setResult] = useState<Result>();
  const [shown, setShown] = useState(0);

  const show = (steps: readonly Step[], count: number) => {
    setShown(count);
    const path = new Map<string, number>();
    // The trigger is where the customer entered: lit first, before the steps it led to.
    for (const n of props.store.getState().history.present.nodes)
      if (n.data.step.kind === 'trigger') path.set(n.id, 0);
    steps.slice(0, count).forEach((s, i) => path.has(s.nodeId) || path.set(s.nodeId, i + 1));
    if (steps.length === 0) path.clear();
    props.onStep(path, steps[count - 1]?.nodeId);
  };

  const run = async () => {
    const start = Date.now();
    const read = readTimeline(timeline, start + 1_000);
    if (!read.ok) return setError(read.message);
    setError(undefined);
    try {
      const sim = await runSimulation(client, {
        graph: toGraph(props.store.getState().history.present) as unknown as Record<
          string,
          unknown
        >,
        events: [...read.events],
        start: new Date(start).toISOString(),
        ...(customerId
          ? { customerId }
          : {
              profile: {
                traits: { first_name: 'Ada' },
                email: 'ada@example.com',
                consent: { email: true },
              },
            }),
      });
      if (!sim) return;
      setResult(sim);
      if (sim.problems.length)
        setError(
          sim.problems.map((p) => getFragmentData(JourneyEditorProblem, p).message).join(' '),
        );
      show(sim.steps, sim.steps.length ? 1 : 0);
    } catch (e) {
      setError(describeError(e as Parameters<typeof describeError>[0]).message);
    }
  };

  const steps = result?.steps ?? [];
  return (
    <section className="simulation" aria-label="Simulation" data-testid="simulation-panel">
      <div className="simulation__head">
        <h2>Simulate</h2>
        <button
          type="button"
          className="button button--ghost"
          onClick={() => {
            props.onStep(undefined, undefined);
            props.onClose();
          }}
        >
          Close
        </button>
      </div>
      <label className="field">
        <span className="field__label">Customer</span>
        <select
          className="input"
          value={customerId}
          onChange={(e) => setCustomerId(e.target.value)}
          data-testid="simulation-customer"
        >
          <option value="">A sample profile (Ada, email consent)</option>
          {customers.map((c) => (
            <option key={c.id} value={c.id}>
              {c.email ?? c.id}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field__label">
          Timeline (one event a line: +10m Event name {'{json}'})
        </span>
        <textarea
          className="input input--area"
          rows={3}
          value={timeline}
          onChange={(e) => setTimeline(e.target.value)}
          data-testid="simulation-timeline"
        />
      </label>
      <button
        type="button"
        className="button button--primary"
        onClick={() => void run()}
        data-testid="simulation-run"
      >
        Run simulation
      </button>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      {result && (
        <>
          <p className="muted" data-testid="simulation-outcome">
            {result.entered
              ? `Entered; ${result.status ?? 'done'} at ${props.nodeLabel(result.nodeId ?? '') ?? result.nodeId ?? '—'}`
              : 'The customer does not enter: the trigger never fires on this timeline.'}
            {result.convertedAt ? ' · converted' : ''}
          </p>
          <div className="simulation__controls">
            <button
              type="button"
              className="button"
              disabled={shown <= 1}
              onClick={() => show(steps, shown - 1)}
            >
              ◀ Back
            </button>
            <span>
              Step {shown} of {steps.length}
            </span>
            <button
              type="button"
              className="button"
              disabled={shown >= steps.length}
              onClick={() => show(steps, shown + 1)}
              data-testid="simulation-next"
            >
              Next ▶
            </button>
          </div>
          <ol className="simulation__steps">
            {steps.slice(0, shown).map((s, i) => (
              <li
                key={i}
                className={
                  i === shown - 1
                    ? 'simulation__step simulation__step--current'
                    : 'simulation__step'
                }
              >
                <span className="simulation__when">{new Date(s.at).toLocaleString()}</span>{' '}
                {STEP_TEXT[s.type] ?? s.type} <b>{props.nodeLabel(s.nodeId) ?? s.nodeId}</b>
                {s.handle && <> → {s.handle}</>}
                {s.reason && <> ({s.reason})</>}
                {s.wakeAt && <> until {new Date(s.wakeAt).toLocaleString()}</>}
                {s.explanation && <ExplanationTree node={s.explanation} />}
              </li>
            ))}
          </ol>
          {result.sends.length > 0 && (
            <ul className="simulation__sends">
              {result.sends.map((m, i) => (
                <li key={i}>
                  {m.channel} from {props.nodeLabel(m.nodeId) ?? m.nodeId}: {m.decision}
                  {m.reason ? ` (${m.reason})` : ''} {m.subject ? `“${m.subject}”` : ''}
                  {m.missingVariables.length ? ` — missing ${m.missingVariables.join(', ')}` : ''}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
