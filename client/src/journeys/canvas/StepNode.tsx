import { acceptsInput, outputHandles } from '@cairn/schema';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { FlowNode } from '../editor/flow.types';
import { toJourneyNode } from '../editor/graph-convert';
import { useCanvasAnnotations } from './CanvasAnnotations';
import { handleLabel, STEP_KINDS, summarize } from './step-meta';
import { StepIcon } from './StepIcon';

const ORIGIN = { x: 0, y: 0 };

/** One step on the canvas: kind, name, what it does, its problems, counts and typed outputs. */
export const StepNode = memo(function StepNode({ id, data, selected }: NodeProps<FlowNode>) {
  const { step } = data;
  const meta = STEP_KINDS[step.kind];
  const { problems, counts, projected, path, current } = useCanvasAnnotations();
  const mine = problems.get(id) ?? [];
  const errors = mine.filter((p) => p.severity === 'error').length;
  const node = toJourneyNode({ id, type: step.kind, data, position: ORIGIN });
  const outputs = outputHandles(node);
  const stat = counts?.get(id);
  const projection = projected?.get(id);
  const order = path?.get(id);
  const classes = [
    'step',
    `step--${meta.tone}`,
    selected ? 'step--selected' : '',
    errors ? 'step--error' : mine.length ? 'step--warning' : '',
    order !== undefined ? 'step--visited' : '',
    current === id ? 'step--current' : '',
  ];
  return (
    <div
      className={classes.filter(Boolean).join(' ')}
      data-testid={`step-${id}`}
      data-kind={step.kind}
      data-problems={mine.length}
    >
      {acceptsInput(node) && <Handle type="target" position={Position.Top} className="step__in" />}
      <div className="step__head">
        <StepIcon kind={step.kind} />
        <span className="step__kind">{meta.title}</span>
        {order !== undefined && order > 0 && <span className="step__order">{order}</span>}
        {mine.length > 0 && (
          <span
            className={errors ? 'step__badge step__badge--error' : 'step__badge'}
            title={mine.map((p) => p.message).join('\n')}
            data-testid={`step-problems-${id}`}
          >
            {mine.length}
          </span>
        )}
      </div>
      <div className="step__label">{step.label || meta.title}</div>
      <div className="step__summary">{summarize(step)}</div>
      {stat && (
        <div className="step__stats" data-testid={`step-stats-${id}`}>
          <span title="Entered">
            <b data-testid={`step-entered-${id}`}>{stat.entered}</b> entered
          </span>
          <span title="Waiting here now">
            <b>{stat.waiting}</b> waiting
          </span>
          <span title="Converted">
            <b>{stat.converted}</b> converted
          </span>
        </div>
      )}
      {projection && (
        <div
          className="step__stats step__stats--projected"
          data-testid={`step-projected-${id}`}
          title="Projected by the backtest: the draft replayed over past customers"
        >
          <span className="step__projected-tag">Projected</span>
          <span>
            <b data-testid={`step-projected-entered-${id}`}>{projection.entered}</b> entered
          </span>
          <span>
            <b>{projection.converted}</b> converted
          </span>
        </div>
      )}
      {outputs.length > 0 && (
        <div className="step__outputs">
          {outputs.map((h, i) => (
            <span
              key={h}
              className="step__output"
              style={{ left: `${((i + 1) * 100) / (outputs.length + 1)}%` }}
            >
              {handleLabel(step, h) && (
                <span className="step__output-label">{handleLabel(step, h)}</span>
              )}
              <Handle
                type="source"
                id={h}
                position={Position.Bottom}
                className={`step__out step__out--${h}`}
                data-testid={`handle-${id}-${h}`}
              />
            </span>
          ))}
        </div>
      )}
    </div>
  );
});
