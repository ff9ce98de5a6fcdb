import type { JourneyNodeKind } from '@cairn/schema';
import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  type Connection,
  type EdgeChange,
  type IsValidConnection,
  type NodeChange,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useMemo, useState, type DragEvent } from 'react';
import { connect } from '../editor/commands/connect';
import { addStep } from '../editor/commands/add-step';
import {
  applyFlowEdgeChanges,
  applyFlowNodeChanges,
  nodeChangeMode,
} from '../editor/commands/flow-changes';
import { refuseConnection } from '../editor/connection-rules';
import type { FlowEdge, FlowNode } from '../editor/flow.types';
import { newElementId } from '../editor/new-step';
import { selectEdges, selectNodes } from '../editor/selectors';
import { useEditor } from '../editor/useEditor';
import { useEditorStore } from '../editor/EditorStoreContext';
import { STEP_SIZE } from '../editor/auto-layout';
import { NODE_TYPES } from './node-types';
import { STEP_DRAG_TYPE } from './Palette';
import { STEP_KINDS } from './step-meta';

const EDGE_DEFAULTS = { type: 'smoothstep' } as const;
const PRO_OPTIONS = { hideAttribution: true };
const FIT_VIEW_OPTIONS = { padding: 0.2, maxZoom: 1.1 };
const DELETE_KEYS = ['Backspace', 'Delete'];
const MINIMAP_STYLE = { width: 150, height: 96 };
const minimapColor = (n: FlowNode) => `var(--step-${STEP_KINDS[n.data.step.kind].tone})`;

const isStepKind = (v: string): v is JourneyNodeKind => v in STEP_KINDS;

/** The canvas: the store's document drawn by React Flow; every edit goes through a command. */
export function JourneyCanvas({
  edgeProblems,
  readOnly,
}: {
  readonly edgeProblems: ReadonlySet<string>;
  readonly readOnly: boolean;
}) {
  const store = useEditorStore();
  const nodes = useEditor(selectNodes);
  const rawEdges = useEditor(selectEdges);
  const { screenToFlowPosition } = useReactFlow();
  // Fit the view to a journey that opens with steps; an empty canvas keeps its zoom while drawing.
  const [fitOnOpen] = useState(() => nodes.length > 0);
  const edges = useMemo(
    () =>
      edgeProblems.size === 0
        ? rawEdges
        : rawEdges.map((e) => (edgeProblems.has(e.id) ? { ...e, className: 'edge--error' } : e)),
    [rawEdges, edgeProblems],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) =>
      store.run((d) => applyFlowNodeChanges(d, changes).doc, nodeChangeMode(changes)),
    [store],
  );
  const onEdgesChange = useCallback(
    (changes: EdgeChange<FlowEdge>[]) => {
      const mode = changes.some((c) => c.type === 'remove') ? 'record' : 'skip';
      store.run((d) => applyFlowEdgeChanges(d, changes).doc, mode);
    },
    [store],
  );
  const isValidConnection = useCallback<IsValidConnection>(
    (c) => refuseConnection(store.getState().history.present, c) === undefined,
    [store],
  );
  const onConnect = useCallback(
    (c: Connection) => store.run((d) => connect(d, c, newElementId('e'))),
    [store],
  );
  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(STEP_DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
  }, []);
  const onDrop = useCallback(
    (event: DragEvent) => {
      const kind = event.dataTransfer.getData(STEP_DRAG_TYPE);
      if (!isStepKind(kind)) return;
      event.preventDefault();
      const at = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const position = { x: at.x - STEP_SIZE.width / 2, y: at.y - STEP_SIZE.height / 2 };
      store.run((d) => addStep(d, kind, position, newElementId(kind), () => newElementId('r')));
    },
    [store, screenToFlowPosition],
  );

  return (
    <div className="canvas" data-testid="journey-canvas" onDragOver={onDragOver} onDrop={onDrop}>
      <ReactFlow<FlowNode, FlowEdge>
        nodes={nodes as FlowNode[]}
        edges={edges as FlowEdge[]}
        nodeTypes={NODE_TYPES}
        defaultEdgeOptions={EDGE_DEFAULTS}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        isValidConnection={isValidConnection}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        deleteKeyCode={readOnly ? null : DELETE_KEYS}
        fitView={fitOnOpen}
        fitViewOptions={FIT_VIEW_OPTIONS}
        minZoom={0.1}
        proOptions={PRO_OPTIONS}
        onlyRenderVisibleElements
      >
        <Background gap={20} />
        <MiniMap
          style={MINIMAP_STYLE}
          pannable
          zoomable
          nodeColor={minimapColor}
          ariaLabel="Journey overview"
        />
        <Controls showInteractive={false} fitViewOptions={FIT_VIEW_OPTIONS} />
      </ReactFlow>
      {nodes.length === 0 && (
        <div className="canvas__empty">
          <p>Drag a Trigger here from the steps on the left to say who enters and when.</p>
        </div>
      )}
    </div>
  );
}
