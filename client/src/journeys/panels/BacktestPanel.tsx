import { useState } from 'react';
import { useClient } from 'urql';
import { describeError } from '../../api/describeError';
import { getFragmentData } from '../../gql';
import type { BacktestJourneyInput } from '../../gql/graphql';
import { BacktestJourneyQuery, JourneyEditorProblem, JourneyEditorStats } from '../api';
import { countsByNode } from '../canvas/node-counts';
import type { NodeCounts } from '../canvas/CanvasAnnotations';
import type { EditorStore } from '../editor/editor-store';
import { toGraph } from '../editor/graph-convert';
import {
  readSampleSize,
  readWindow,
  SAMPLE_LIMITS,
  WINDOW_PRESETS,
  type WindowChoice,
} from './backtest-window';
import { ProjectedSendsTable } from './ProjectedSendsTable';

/** The window picker's value: a preset's days, or dates of one's own. */
type Preset = `${(typeof WINDOW_PRESETS)[number]}` | 'custom';
type Backtest = NonNullable<Awaited<ReturnType<typeof runBacktest>>>;

async function runBacktest(client: ReturnType<typeof useClient>, input: BacktestJourneyInput) {
  const result = await client
    .query(BacktestJourneyQuery, { input }, { requestPolicy: 'network-only' })
    .toPromise();
  if (result.error) throw result.error;
  return result.data?.backtestJourney;
}

const percent = (rate: number | null | undefined) =>
  rate == null ? '—' : `${(rate * 100).toFixed(1)}%`;

/**
 * Replays the draft as drawn over a sample of the workspace's real customers in a past window
 * (server `backtestJourney`): how many could have entered, entered and converted, the projected
 * counts per step (drawn on the canvas apart from the live ones), and what each send step would
 * have sent, held for quiet hours or skipped.
 */
export function BacktestPanel(props: {
  readonly store: EditorStore;
  readonly nodeLabel: (id: string) => string | undefined;
  readonly onProjected: (counts: ReadonlyMap<string, NodeCounts> | undefined) => void;
  readonly onClose: () => void;
}) {
  const client = useClient();
  const [preset, setPreset] = useState<Preset>('30');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [sample, setSample] = useState(String(SAMPLE_LIMITS.default));
  const [error, setError] = useState<string>();
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<Backtest>();

  const run = async () => {
    const choice: WindowChoice =
      preset === 'custom'
        ? { kind: 'custom', from, to }
        : { kind: 'last', days: Number(preset) as (typeof WINDOW_PRESETS)[number] };
    const window = readWindow(choice, new Date());
    const size = readSampleSize(sample);
    if (!window.ok) return setError(window.message);
    if (!size.ok) return setError(size.message);
    setError(undefined);
    setRunning(true);
    try {
      const doc = props.store.getState().history.present;
      const out = await runBacktest(client, {
        graph: toGraph(doc) as unknown as Record<string, unknown>,
        from: window.from.toISOString(),
        to: window.to.toISOString(),
        sampleSize: size.size,
      });
      if (!out) return;
      setResult(out);
      const problems = out.problems.map((p) => getFragmentData(JourneyEditorProblem, p));
      if (problems.length)
        setError(`The draft cannot run yet: ${problems.map((p) => p.message).join(' ')}`);
      const triggers = doc.nodes.filter((n) => n.data.step.kind === 'trigger').map((n) => n.id);
      const projected = getFragmentData(JourneyEditorStats, out.stats);
      props.onProjected(projected ? countsByNode(projected, triggers) : undefined);
    } catch (e) {
      setError(describeError(e as Parameters<typeof describeError>[0]).message);
    } finally {
      setRunning(false);
    }
  };

  const stats = getFragmentData(JourneyEditorStats, result?.stats);
  return (
    <section className="simulation backtest" aria-label="Backtest" data-testid="backtest-panel">
      <div className="simulation__head">
        <h2>Backtest</h2>
        <button
          type="button"
          className="button button--ghost"
          onClick={() => {
            props.onProjected(undefined);
            props.onClose();
          }}
        >
          Close
        </button>
      </div>
      <p className="muted backtest__intro">
        Replays this draft over real customers’ history in a past window. Nothing is sent.
      </p>
      <label className="field">
        <span className="field__label">Window</span>
        <select
          className="input"
          value={preset}
          onChange={(e) => setPreset(e.target.value as Preset)}
          data-testid="backtest-window"
        >
          {WINDOW_PRESETS.map((days) => (
            <option key={days} value={String(days)}>
              The last {days} days
            </option>
          ))}
          <option value="custom">Dates of my own…</option>
        </select>
      </label>
      {preset === 'custom' && (
        <div className="field__row">
          <label className="field">
            <span className="field__label">From</span>
            <input
              type="date"
              className="input"
              value={from}
              onChange={(e) => setFrom(e.target.value)}
              data-testid="backtest-from"
            />
          </label>
          <label className="field">
            <span className="field__label">To</span>
            <input
              type="date"
              className="input"
              value={to}
              onChange={(e) => setTo(e.target.value)}
              data-testid="backtest-to"
            />
          </label>
        </div>
      )}
      <label className="field">
        <span className="field__label">Sample size (customers)</span>
        <input
          type="number"
          className="input input--short"
          min={SAMPLE_LIMITS.min}
          max={SAMPLE_LIMITS.max}
          value={sample}
          onChange={(e) => setSample(e.target.value)}
          data-testid="backtest-sample"
        />
      </label>
      <button
        type="button"
        className="button button--primary"
        onClick={() => void run()}
        disabled={running}
        data-testid="backtest-run"
      >
        {running ? 'Running…' : 'Run backtest'}
      </button>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      {result && stats && (
        <>
          <dl className="backtest__figures" data-testid="backtest-figures">
            <div>
              <dt>Could have entered</dt>
              <dd data-testid="backtest-eligible">{result.eligibleCustomers}</dd>
            </div>
            <div>
              <dt>Sampled</dt>
              <dd data-testid="backtest-sampled">{result.sampledCustomers}</dd>
            </div>
            <div>
              <dt>Entered</dt>
              <dd data-testid="backtest-entered">{result.enteredCustomers}</dd>
            </div>
            <div>
              <dt>Converted</dt>
              <dd data-testid="backtest-conversion">
                {stats.converted} ({percent(stats.conversionRate)})
              </dd>
            </div>
          </dl>
          <p className="muted backtest__note">
            Projected counts per step are drawn on the canvas (dashed). Entries: {stats.entered},
            still waiting at the end: {stats.active}.
          </p>
          <ProjectedSendsTable sends={result.sends} nodeLabel={props.nodeLabel} />
        </>
      )}
    </section>
  );
}
