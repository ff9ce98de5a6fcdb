import type { SaveStatus } from './useAutosave';

const SAVE_TEXT: Record<SaveStatus['state'], string> = {
  saved: 'All changes saved',
  pending: 'Unsaved changes…',
  saving: 'Saving…',
  conflict: 'Changed elsewhere: choose whose draft to keep',
  error: 'Not saved',
};

/** The editor's top bar: name, save state, history, layout, simulation, backtest and publishing. */
export function EditorToolbar(props: {
  readonly name: string;
  readonly liveVersion: number | undefined;
  readonly saveStatus: SaveStatus;
  readonly errors: number;
  readonly warnings: number;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  readonly stats?: {
    readonly entered: number;
    readonly active: number;
    readonly conversionRate?: number | null;
  };
  readonly onUndo: () => void;
  readonly onRedo: () => void;
  readonly onLayout: () => void;
  readonly onFit: () => void;
  readonly onSimulate: () => void;
  readonly onBacktest: () => void;
  readonly onPublish: () => void;
}) {
  const s = props.saveStatus;
  return (
    <div className="editor-toolbar" role="toolbar" aria-label="Journey">
      <div className="editor-toolbar__title">
        <h1 data-testid="journey-name">{props.name}</h1>
        <span
          className={props.liveVersion ? 'badge badge--live' : 'badge'}
          data-testid="journey-status"
        >
          {props.liveVersion ? `Live · v${props.liveVersion}` : 'Draft'}
        </span>
        <span
          className={`editor-toolbar__save editor-toolbar__save--${s.state}`}
          data-testid="save-status"
          data-state={s.state}
          title={s.state === 'error' ? s.message : undefined}
        >
          {SAVE_TEXT[s.state]}
        </span>
      </div>
      {props.stats && (
        <div className="editor-toolbar__stats" data-testid="journey-stats">
          <span>
            <b data-testid="journey-entered">{props.stats.entered}</b> entered
          </span>
          <span>
            <b>{props.stats.active}</b> in journey
          </span>
          <span>
            <b>
              {props.stats.conversionRate == null
                ? '—'
                : `${(props.stats.conversionRate * 100).toFixed(1)}%`}
            </b>{' '}
            converted
          </span>
        </div>
      )}
      <div className="editor-toolbar__actions">
        <button
          type="button"
          className="button button--ghost"
          onClick={props.onUndo}
          disabled={!props.canUndo}
          title="Undo (Ctrl+Z)"
          data-testid="undo"
        >
          Undo
        </button>
        <button
          type="button"
          className="button button--ghost"
          onClick={props.onRedo}
          disabled={!props.canRedo}
          title="Redo (Ctrl+Shift+Z)"
          data-testid="redo"
        >
          Redo
        </button>
        <button
          type="button"
          className="button button--ghost"
          onClick={props.onLayout}
          data-testid="auto-layout"
        >
          Tidy up
        </button>
        <button
          type="button"
          className="button button--ghost"
          onClick={props.onFit}
          title="Zoom to fit (Shift+1)"
        >
          Fit
        </button>
        <button type="button" className="button" onClick={props.onSimulate} data-testid="simulate">
          Simulate
        </button>
        <button
          type="button"
          className="button"
          onClick={props.onBacktest}
          title="Replay the draft over past customers"
          data-testid="backtest"
        >
          Backtest
        </button>
        <button
          type="button"
          className="button button--primary"
          onClick={props.onPublish}
          disabled={props.errors > 0}
          title={
            props.errors > 0
              ? `Fix the ${props.errors} error(s) listed under Problems first`
              : 'Publish'
          }
          data-testid="publish"
        >
          Publish
        </button>
      </div>
    </div>
  );
}
