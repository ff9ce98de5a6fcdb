import type { EditorProblem } from '../editor/merge-problems';
import { createContext, useContext } from 'react';

/** A step's counts on a published version. */
export interface NodeCounts {
  readonly entered: number;
  readonly waiting: number;
  readonly converted: number;
}

/** What is drawn over the steps: problems, live and projected counts, and the simulated path. */
export interface CanvasAnnotations {
  readonly problems: ReadonlyMap<string, readonly EditorProblem[]>;
  readonly counts?: ReadonlyMap<string, NodeCounts>;
  /** A backtest's projected counts of the draft (drawn apart from the live ones). */
  readonly projected?: ReadonlyMap<string, NodeCounts>;
  /** Simulation: node id → the order it was reached in (1-based), up to the current step. */
  readonly path?: ReadonlyMap<string, number>;
  /** The simulation's current step. */
  readonly current?: string;
}

const EMPTY: CanvasAnnotations = { problems: new Map() };

export const CanvasAnnotationsContext = createContext<CanvasAnnotations>(EMPTY);

export const useCanvasAnnotations = () => useContext(CanvasAnnotationsContext);
