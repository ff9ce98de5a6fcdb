import type { JourneyGraph, JourneyNodeKind } from '@cairn/schema';
import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { useCallback, useMemo, useState } from 'react';
import { useMutation } from 'urql';
import { describeError } from '../api/describeError';
import { editorCatalog, ruleCatalog, type ApiCatalog, type SegmentOption } from '../rule-editor';
import { useToast } from '../ui/toast/ToastContext';
import { PublishJourneyMutation } from './api';
import { CanvasAnnotationsContext, type CanvasAnnotations } from './canvas/CanvasAnnotations';
import { JourneyCanvas } from './canvas/JourneyCanvas';
import { Palette } from './canvas/Palette';
import { useCanvasShortcuts } from './canvas/useCanvasShortcuts';
import { addStep } from './editor/commands/add-step';
import { moveNodes } from './editor/commands/move-nodes';
import { autoLayout, STEP_SIZE } from './editor/auto-layout';
import { createEditorStore } from './editor/editor-store';
import { EditorStoreContext } from './editor/EditorStoreContext';
import { fromGraph, toGraph } from './editor/graph-convert';
import { newElementId } from './editor/new-step';
import { selectCanRedo, selectCanUndo } from './editor/selectors';
import { useCompilation } from './editor/useCompilation';
import { useEditor } from './editor/useEditor';
import { EventNames } from './inspector/fields';
import { Inspector } from './inspector/Inspector';
import {
  EVENT_NAMES_LIST,
  InspectorDataContext,
  type InspectorData,
  type SampleCustomer,
} from './inspector/InspectorContext';
import { ProblemsPanel } from './panels/ProblemsPanel';
import { PublishDialog } from './panels/PublishDialog';
import { SimulationPanel } from './panels/SimulationPanel';
import { EditorToolbar } from './EditorToolbar';
import { useAutosave } from './useAutosave';
import { useJourneyStats } from './useJourneyStats';

/** The journey as the editor page loads it. */
export interface LoadedJourney {
  readonly id: string;
  readonly name: string;
  readonly status: string;
  readonly draft: Record<string, unknown>;
  readonly draftRevision: number;
  readonly liveVersion?: number | null;
  readonly versions: readonly {
    readonly version: number;
    readonly graph: Record<string, unknown>;
  }[];
}

interface Props {
  readonly journey: LoadedJourney;
  readonly catalog: ApiCatalog;
  readonly segments: readonly SegmentOption[];
  readonly customers: readonly SampleCustomer[];
}

/** The journey editor: palette, canvas, inspector, problems, publish, live stats, simulation. */
export function JourneyEditor(props: Props) {
  const [store] = useState(() =>
    createEditorStore(fromGraph(props.journey.draft as unknown as JourneyGraph)),
  );
  return (
    <EditorStoreContext.Provider value={store}>
      <ReactFlowProvider>
        <EditorFrame {...props} store={store} />
      </ReactFlowProvider>
    </EditorStoreContext.Provider>
  );
}

function EditorFrame(props: Props & { readonly store: ReturnType<typeof createEditorStore> }) {
  const { journey, store } = props;
  const toast = useToast();
  const flow = useReactFlow();
  const canUndo = useEditor(selectCanUndo);
  const canRedo = useEditor(selectCanRedo);
  const data = useMemo<InspectorData>(
    () => ({
      catalog: editorCatalog(props.catalog),
      segments: props.segments,
      customers: props.customers,
    }),
    [props.catalog, props.segments, props.customers],
  );
  const catalog = useMemo(() => ruleCatalog(data.catalog, data.segments), [data]);
  const compiled = useCompilation(catalog);
  const { status: saveStatus, flush } = useAutosave(store, journey.id, journey.draftRevision);
  const [liveVersion, setLiveVersion] = useState(journey.liveVersion ?? undefined);
  const [versions, setVersions] = useState(journey.versions);
  const { stats, counts } = useJourneyStats(
    journey.id,
    liveVersion !== undefined,
    compiled.triggerIds,
  );
  const [publishing, setPublishing] = useState(false);
  const [published, publish] = useMutation(PublishJourneyMutation);
  const [simulating, setSimulating] = useState(false);
  const [simPath, setSimPath] = useState<{ path?: ReadonlyMap<string, number>; at?: string }>({});

  useCanvasShortcuts(store, false);

  const annotations = useMemo<CanvasAnnotations>(
    () => ({ problems: compiled.byNode, counts, path: simPath.path, current: simPath.at }),
    [compiled.byNode, counts, simPath],
  );
  const edgeProblems = useMemo(() => new Set(compiled.byEdge.keys()), [compiled.byEdge]);
  const nodeLabel = useCallback(
    (id: string) =>
      store.getState().history.present.nodes.find((n) => n.id === id)?.data.step.label,
    [store],
  );

  const focusNode = useCallback(
    (id: string) => {
      store.run(
        (d) => ({
          ...d,
          nodes: d.nodes.map((n) =>
            n.selected === (n.id === id) ? n : { ...n, selected: n.id === id },
          ),
        }),
        'skip',
      );
      void flow.fitView({ nodes: [{ id }], duration: 300, maxZoom: 1.2 });
    },
    [store, flow],
  );
  const addAtCenter = useCallback(
    (kind: JourneyNodeKind) => {
      const box = document.querySelector('[data-testid="journey-canvas"]')?.getBoundingClientRect();
      const center = flow.screenToFlowPosition({
        x: box ? box.left + box.width / 2 : 400,
        y: box ? box.top + box.height / 2 : 300,
      });
      const position = { x: center.x - STEP_SIZE.width / 2, y: center.y - STEP_SIZE.height / 2 };
      store.run((d) => addStep(d, kind, position, newElementId(kind), () => newElementId('r')));
    },
    [flow, store],
  );
  const layout = useCallback(async () => {
    const positions = await autoLayout(store.getState().history.present);
    store.run((d) => moveNodes(d, positions));
    window.requestAnimationFrame(() => void flow.fitView({ padding: 0.2, duration: 300 }));
  }, [store, flow]);

  const confirmPublish = async () => {
    if (!(await flush()))
      return toast('error', 'The draft could not be saved, so it was not published.');
    const result = await publish({ id: journey.id });
    const payload = result.data?.publishJourney;
    if (result.error || !payload?.ok || !payload.journey) {
      const message = result.error
        ? describeError(result.error).message
        : 'The server found problems in the draft.';
      toast('error', `Not published: ${message}`);
      return;
    }
    setPublishing(false);
    setLiveVersion(payload.journey.liveVersion ?? undefined);
    setVersions(payload.journey.versions);
    toast('success', `Published version ${payload.journey.liveVersion}`);
  };

  const lastVersion = versions[0]?.graph as unknown as JourneyGraph | undefined;
  return (
    <InspectorDataContext.Provider value={data}>
      <EventNames id={EVENT_NAMES_LIST} names={data.catalog.events.map((e) => e.name)} />
      <div className="editor" data-testid="journey-editor">
        <EditorToolbar
          name={journey.name}
          liveVersion={liveVersion}
          saveStatus={saveStatus}
          errors={compiled.errors}
          warnings={compiled.warnings}
          canUndo={canUndo}
          canRedo={canRedo}
          stats={stats}
          onUndo={store.undo}
          onRedo={store.redo}
          onLayout={() => void layout()}
          onFit={() => void flow.fitView({ padding: 0.2, duration: 300 })}
          onSimulate={() => setSimulating((s) => !s)}
          onPublish={() => setPublishing(true)}
        />
        <Palette onAdd={addAtCenter} />
        <CanvasAnnotationsContext.Provider value={annotations}>
          <JourneyCanvas edgeProblems={edgeProblems} readOnly={false} />
        </CanvasAnnotationsContext.Provider>
        <div className="editor__side">
          {simulating ? (
            <SimulationPanel
              store={store}
              nodeLabel={nodeLabel}
              onStep={(path, at) => setSimPath({ path, at })}
              onClose={() => setSimulating(false)}
            />
          ) : (
            <Inspector readOnly={false} />
          )}
        </div>
        <ProblemsPanel
          problems={compiled.result.problems}
          nodeLabel={nodeLabel}
          onFocus={focusNode}
        />
      </div>
      {publishing && (
        <PublishDialog
          before={lastVersion}
          after={toGraph(store.getState().history.present)}
          publishing={published.fetching}
          onConfirm={() => void confirmPublish()}
          onCancel={() => setPublishing(false)}
        />
      )}
    </InspectorDataContext.Provider>
  );
}
