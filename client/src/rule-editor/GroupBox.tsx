import type { DragEvent } from 'react';
import {
  CONDITION_KINDS,
  CONDITION_LABELS,
  newCondition,
  newGroup,
  newPropertyFilter,
} from './defaults';
import type { EditorNode } from './draft.types';
import { groupView, type GroupMode } from './group-view';
import { GROUP_MODE_LABELS } from './labels';
import { addNode } from './ops/add-node';
import { moveNode } from './ops/move-node';
import { setGroupMode } from './ops/set-group-mode';
import { NodeRow } from './NodeRow';
import { DRAG_TYPE, RowActions } from './RowActions';
import { RowProblems } from './RowProblems';
import { useRuleEditor } from './RuleEditorContext';

/** Where a group sits: in the rule, or in an event's property filter. */
export type Scope = { readonly kind: 'rule' } | { readonly kind: 'filter'; readonly event: string };

const MODES = Object.keys(GROUP_MODE_LABELS) as GroupMode[];

/** A group box: how its rows combine (all, any, none), its rows, and buttons to add more. */
export function GroupBox({ node, scope }: { readonly node: EditorNode; readonly scope: Scope }) {
  const editor = useRuleEditor();
  const { apply, problems, rootId } = editor;
  const view = groupView(node);
  if (!view) return null;
  const boxId = node.id!;
  const groupId = view.group.id!;
  const rows = view.group.children;
  const isRoot = boxId === rootId;
  const drop = (index: number) => (e: DragEvent) => {
    const dragged = e.dataTransfer.getData(DRAG_TYPE);
    if (!dragged) return;
    e.preventDefault();
    e.stopPropagation();
    apply((d) => moveNode(d, dragged, groupId, index));
  };
  const add = (child: EditorNode) => apply((d) => addNode(d, groupId, child));
  const what = scope.kind === 'filter' ? 'filters' : 'conditions';
  return (
    <section
      className={`re-group re-group--${view.mode}${isRoot ? ' re-group--root' : ''}`}
      data-testid="re-group"
      data-node-id={boxId}
      aria-label={isRoot ? 'Rule' : 'Group'}
    >
      <header className="re-group__header">
        <span className="re-word">
          {scope.kind === 'filter' ? 'Match' : isRoot ? 'Customers who match' : 'Match'}
        </span>
        <select
          className="re-select re-select--mode"
          aria-label="Combine rows"
          value={view.mode}
          onChange={(e) =>
            apply((d) => setGroupMode(d, boxId, e.target.value as GroupMode, editor.newId))
          }
        >
          {MODES.map((mode) => (
            <option key={mode} value={mode}>
              {GROUP_MODE_LABELS[mode]}
            </option>
          ))}
        </select>
        <span className="re-word">of the following {what}</span>
        {!isRoot && <RowActions id={boxId} what="group" />}
      </header>
      <RowProblems
        problems={[
          ...(problems.get(boxId) ?? []),
          ...(boxId === groupId ? [] : (problems.get(groupId) ?? [])),
        ]}
      />
      <ol className="re-rows" onDragOver={(e) => e.preventDefault()} onDrop={drop(rows.length)}>
        {rows.map((row, index) => (
          <li
            key={row.id}
            className="re-rows__item"
            onDragOver={(e) => e.preventDefault()}
            onDrop={drop(index)}
          >
            {index > 0 && (
              <span className="re-joiner">
                {view.mode === 'all' ? 'and' : view.mode === 'any' ? 'or' : 'nor'}
              </span>
            )}
            <NodeRow node={row} scope={scope} />
          </li>
        ))}
      </ol>
      {rows.length === 0 && (
        <p className="re-empty muted">
          {scope.kind === 'filter'
            ? 'No property filters: every event of this name counts.'
            : isRoot
              ? 'No conditions yet: every customer matches. Add a condition to narrow the audience.'
              : 'An empty group matches everyone. Add a condition to it, or remove it.'}
        </p>
      )}
      <footer className="re-group__add">
        {scope.kind === 'rule' ? (
          CONDITION_KINDS.map((kind) => (
            <button
              key={kind}
              type="button"
              className="re-add"
              onClick={() => add(newCondition(kind, editor))}
            >
              + {CONDITION_LABELS[kind]}
            </button>
          ))
        ) : (
          <button
            type="button"
            className="re-add"
            onClick={() => add(newPropertyFilter(scope.event, editor))}
          >
            + Property filter
          </button>
        )}
        <button
          type="button"
          className="re-add re-add--group"
          onClick={() => add(newGroup(editor, view.mode === 'all' ? 'any' : 'all'))}
        >
          + Group
        </button>
      </footer>
    </section>
  );
}
