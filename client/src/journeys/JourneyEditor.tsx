import type { JourneyGraph } from '@cairn/schema';
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
import type { NodeCounts } from './canvas/CanvasAnnotations';
import { useCanvasActions } from './canvas/useCanvasActions';
import { useCanvasShortcuts } from './canvas/useCanvasShortcuts';
import { createEditorStore } from './editor/editor-store';
import { EditorStoreContext } from './editor/EditorStoreContext';
import { fromGraph, toGraph } from './editor/graph-convert';
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
import { BacktestPanel } from './panels/BacktestPanel';
import { ConflictBanner } from './panels/ConflictBanner';
import { ProblemsPanel } from './panels/ProblemsPanel';
import { PublishDialog } from './panels/PublishDialog';
import { SimulationPanel } from './panels/SimulationPanel';
import { EditorToolbar } from './EditorToolbar';
import { useAutosave } from './useAutosave';
import { useEditorProblems } from './useEditorProblems';
import { useJourneyStats } from './useJourneyStats';
import './editor-panels.css';

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

/** What the side column shows beside the canvas. */
type SidePanel = 'inspector' | 'simulation' | 'backtest';

/**
 * The journey editor: palette, canvas, inspector, problems, publish, live stats, simulation and
 * backtest, with autosave that stops at a save conflict until the marketer chooses.
 */
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
  const autosave = useAutosave(store, journey.id, journey.draftRevision);
  const problems = useEditorProblems(compiled, autosave.serverProblems);
  const [liveVersion, setLiveVersion] = useState(journey.liveVersion ?? undefined);
  const [versions, setVersions] = useState(journey.versions);
  const { stats, counts } = useJourneyStats(
    journey.id,
    liveVersion !== undefined,
    compiled.triggerIds,
  );
  const [publishing, setPublishing] = useState(false);
  const [published, publish] = useMutation(PublishJourneyMutation);
  const [side, setSide] = useState<SidePanel>('inspector');
  const [simPath, setSimPath] = useState<{ path?: ReadonlyMap<string, number>; at?: string }>({});
  const [projected, setProjected] = useState<ReadonlyMap<string, NodeCounts>>();
  /** Opens a panel (or goes back to the inspector); what the last one drew on the canvas goes. */
  const showSide = (panel: SidePanel) => {
    setSide((s) => (s === panel ? 'inspector' : panel));
    setProjected(undefined);
    setSimPath({});
  };
  const { focusNode, addStepAtFreeSpot, layout } = useCanvasActions(store);

  useCanvasShortcuts(store, false);

  const annotations = useMemo<CanvasAnnotations>(
    () => ({
      problems: problems.byNode,
      counts,
      projected,
      path: simPath.path,
      current: simPath.at,
    }),
    [problems.byNode, counts, projected, simPath],
  );
  const edgeProblems = useMemo(() => new Set(problems.byEdge.keys()), [problems.byEdge]);
  const nodeLabel = useCallback(
    (id: string) =>
      store.getState().history.present.nodes.find((n) => n.id === id)?.data.step.label,
    [store],
  );

  const confirmPublish = async () => {
    if (!(await autosave.flush()))
      return toast(
        'error',
        autosave.conflict
          ? 'The draft was changed elsewhere: choose whose draft to keep first.'
          : 'The draft could not be saved, so it was not published.',
      );
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
          saveStatus={autosave.status}
          errors={problems.errors}
          warnings={problems.warnings}
          canUndo={canUndo}
          canRedo={canRedo}
          stats={stats}
          onUndo={store.undo}
          onRedo={store.redo}
          onLayout={() => void layout()}
          onFit={() => void flow.fitView({ padding: 0.2, duration: 300 })}
          onSimulate={() => showSide('simulation')}
          onBacktest={() => showSide('backtest')}
          onPublish={() => setPublishing(true)}
        />
        <Palette onAdd={addStepAtFreeSpot} />
        <CanvasAnnotationsContext.Provider value={annotations}>
          <JourneyCanvas edgeProblems={edgeProblems} readOnly={false} />
        </CanvasAnnotationsContext.Provider>
        {autosave.conflict && (
          <ConflictBanner
            conflict={autosave.conflict}
            onReloadTheirs={autosave.reloadTheirs}
            onKeepMine={autosave.keepMine}
          />
        )}
        <div className="editor__side">
          {side === 'simulation' ? (
            <SimulationPanel
              store={store}
              nodeLabel={nodeLabel}
              onStep={(path, at) => setSimPath({ path, at })}
              onClose={() => showSide('inspector')}
            />
          ) : side === 'backtest' ? (
            <BacktestPanel
              store={store}
              nodeLabel={nodeLabel}
              onProjected={setProjected}
              onClose={() => showSide('inspector')}
            />
          ) : (
            <Inspector readOnly={false} />
          )}
        </div>
        <ProblemsPanel problems={problems.problems} nodeLabel={nodeLabel} onFocus={focusNode} />
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
