import { memo, useId } from 'react';
import { handleLabel, STEP_KINDS } from '../canvas/step-meta';
import { reconnectOutput } from '../editor/commands/reconnect-output';
import { connectionTargets, outputLinks } from '../editor/connection-targets';
import { useEditorStore } from '../editor/EditorStoreContext';
import type { EditorDoc, FlowNode } from '../editor/flow.types';
import { newElementId } from '../editor/new-step';
import { useStructure } from '../editor/useStructure';

/** A step as the list names it: its name, and its kind when the name does not say it. */
function stepName(n: FlowNode): string {
  const kind = STEP_KINDS[n.data.step.kind].title;
  const label = n.data.step.label;
  return !label || label.toLowerCase() === kind.toLowerCase()
    ? kind
    : `${label} (${kind.toLowerCase()})`;
}

/** How an output reads in the inspector: its label on the node, or "Next" for a step's only way on. */
function outputName(node: FlowNode, handle: string): string {
  const label = handleLabel(node.data.step, handle);
  return label ? `“${label}” leads to` : 'Then go to';
}

/**
 * Where each output of the step leads, chosen from a list (the keyboard way to connect): the
 * steps a connection drawn on the canvas could reach (`connectionTargets`, the same rule as
 * dragging), or none to disconnect it.
 */
export const OutputsFields = memo(function OutputsFields({ nodeId }: { readonly nodeId: string }) {
  const doc = useStructure();
  const node = doc.nodes.find((n) => n.id === nodeId);
  const links = outputLinks(doc, nodeId);
  const id = useId();
  if (!node || links.length === 0) return null;
  return (
    <fieldset className="field outputs" aria-describedby={`${id}-hint`} data-testid="outputs">
      <legend className="field__label">Connections</legend>
      <p className="field__hint muted" id={`${id}-hint`}>
        Connect each output here, or drag from its handle on the canvas.
      </p>
      {links.map(({ handle, edge }) => (
        <OutputPicker key={handle} doc={doc} node={node} handle={handle} target={edge?.target} />
      ))}
    </fieldset>
  );
});

function OutputPicker(props: {
  readonly doc: EditorDoc;
  readonly node: FlowNode;
  readonly handle: string;
  readonly target: string | undefined;
}) {
  const { doc, node, handle, target } = props;
  const store = useEditorStore();
  const id = useId();
  const targets = connectionTargets(doc, node.id, handle);
  return (
    <div className="outputs__row">
      <label className="outputs__label" htmlFor={id}>
        {outputName(node, handle)}
      </label>
      <select
        id={id}
        className="input"
        value={target ?? ''}
        data-testid={`connect-${handle}`}
        onChange={(e) => {
          const next = e.target.value || undefined;
          store.run((d) => reconnectOutput(d, node.id, handle, next, newElementId('e')));
        }}
      >
        <option value="">Not connected</option>
        {target !== undefined && !targets.some((t) => t.id === target) && (
          <option value={target}>{target} (not allowed: pick another step)</option>
        )}
        {targets.map((t) => (
          <option key={t.id} value={t.id}>
            {stepName(t)}
          </option>
        ))}
      </select>
    </div>
  );
}
