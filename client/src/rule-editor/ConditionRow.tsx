import { assertUnreachable, CHANNELS, type Channel } from '@cairn/schema';
import type { ConditionNode as Condition, EditorNode } from './draft.types';
import { EventFields } from './EventFields';
import type { Scope } from './GroupBox';
import { CHANNEL_LABELS } from './labels';
import { updateNode } from './ops/update-node';
import { PredicateFields } from './PredicateFields';
import { RowActions } from './RowActions';
import { RowProblems } from './RowProblems';
import { useRuleEditor } from './RuleEditorContext';
import { ScoreFields } from './ScoreFields';
import { NumberInput } from './ValueInputs';

const KIND_LABELS = {
  trait: 'Trait',
  property: 'Property',
  event: 'Event',
  score: 'Score',
  segment: 'Segment',
  consent: 'Consent',
  randomBucket: 'Bucket',
} as const satisfies Record<Condition['kind'], string>;

/** One condition: its kind, its fields, its actions and its problems. */
export function ConditionRow({ node, scope }: { readonly node: Condition; readonly scope: Scope }) {
  const { problems } = useRuleEditor();
  const rowProblems = problems.get(node.id!);
  const severity = rowProblems?.some((p) => p.severity === 'error')
    ? ' re-row--error'
    : rowProblems?.length
      ? ' re-row--warning'
      : '';
  return (
    <div
      className={`re-row${severity}`}
      data-testid="re-row"
      data-node-id={node.id}
      data-kind={node.kind}
    >
      <div className="re-row__main">
        <span className={`re-kind re-kind--${node.kind}`}>{KIND_LABELS[node.kind]}</span>
        <div className="re-row__fields">
          <ConditionFields node={node} scope={scope} />
        </div>
        <RowActions id={node.id!} what={`${KIND_LABELS[node.kind].toLowerCase()} condition`} />
      </div>
      <RowProblems problems={rowProblems} />
    </div>
  );
}

function ConditionFields({ node, scope }: { readonly node: Condition; readonly scope: Scope }) {
  const { apply, catalog, segments, segmentId } = useRuleEditor();
  const id = node.id!;
  const patch = (values: Record<string, unknown>) =>
    apply((d) => updateNode(d, id, (n) => ({ ...n, ...values }) as EditorNode));
  switch (node.kind) {
    case 'trait':
      return <PredicateFields node={node} fields={catalog.traits} fieldLabel="Trait" />;
    case 'property': {
      const event = scope.kind === 'filter' ? scope.event : '';
      const fields = catalog.events.find((e) => e.name === event)?.properties ?? [];
      return <PredicateFields node={node} fields={fields} fieldLabel="Property" />;
    }
    case 'event':
      return <EventFields node={node} />;
    case 'score':
      return <ScoreFields node={node} />;
    case 'segment': {
      const options = segments.filter((s) => s.id !== segmentId);
      const known = options.some((s) => s.id === node.segmentId);
      return (
        <>
          <span className="re-word">is a member of</span>
          <select
            className="re-select re-select--field"
            aria-label="Segment"
            value={node.segmentId}
            onChange={(e) => patch({ segmentId: e.target.value })}
          >
            {!known && (
              <option value={node.segmentId}>
                {node.segmentId === '' ? 'choose a segment' : 'unknown segment'}
              </option>
            )}
            {options.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </>
      );
    }
    case 'consent':
      return (
        <>
          <span className="re-word">has opted in to</span>
          <select
            className="re-select"
            aria-label="Channel"
            value={node.channel}
            onChange={(e) => patch({ channel: e.target.value as Channel })}
          >
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {CHANNEL_LABELS[c]}
              </option>
            ))}
          </select>
        </>
      );
    case 'randomBucket':
      return (
        <>
          <span className="re-word">salt</span>
          <input
            type="text"
            className="re-input"
            aria-label="Salt"
            value={node.salt}
            onChange={(e) => patch({ salt: e.target.value })}
          />
          <span className="re-word">bucket from</span>
          <NumberInput value={node.from} label="Bucket from" onChange={(from) => patch({ from })} />
          <span className="re-word">to</span>
          <NumberInput
            value={node.to}
            label="Bucket to"
            unit="of 10,000"
            onChange={(to) => patch({ to })}
          />
        </>
      );
    default:
      return assertUnreachable(node);
  }
}
