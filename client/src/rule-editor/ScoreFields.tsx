import type { ScoreCondition, ScoreMeasure } from '@cairn/schema';
import { ComparisonInput } from './ComparisonInput';
import { SCORE_MEASURE_LABELS } from './labels';
import { updateNode } from './ops/update-node';
import { reshapeScoreMeasure } from './ops/reshape-score-measure';
import { useRuleEditor } from './RuleEditorContext';
import { DurationInput } from './ValueInputs';

const MEASURES = Object.keys(SCORE_MEASURE_LABELS) as ScoreMeasure['type'][];

/** A lead-score condition: the model, and its current value, presence, or change over a window. */
export function ScoreFields({ node }: { readonly node: ScoreCondition }) {
  const { apply } = useRuleEditor();
  const id = node.id!;
  const set = (next: Partial<ScoreCondition>) =>
    apply((d) => updateNode(d, id, (n) => ({ ...n, ...next }) as typeof n));
  const m = node.measure;
  return (
    <>
      <input
        type="text"
        className="re-input"
        aria-label="Score model"
        placeholder="score model, e.g. lead"
        value={node.model}
        onChange={(e) => set({ model: e.target.value })}
      />
      <select
        className="re-select"
        aria-label="Score measure"
        value={m.type}
        onChange={(e) =>
          set({ measure: reshapeScoreMeasure(m, e.target.value as ScoreMeasure['type']) })
        }
      >
        {MEASURES.map((type) => (
          <option key={type} value={type}>
            {SCORE_MEASURE_LABELS[type]}
          </option>
        ))}
      </select>
      {m.type !== 'hasScore' && (
        <ComparisonInput
          value={m.compare}
          label="Score"
          unit="points"
          onChange={(compare) => set({ measure: { ...m, compare } })}
        />
      )}
      {m.type === 'change' && (
        <>
          <span className="re-word">over the last</span>
          <DurationInput
            value={m.duration}
            label="Score window"
            onChange={(duration) => set({ measure: { ...m, duration } })}
          />
        </>
      )}
    </>
  );
}
