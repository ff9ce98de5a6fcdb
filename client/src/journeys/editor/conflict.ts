import { describeChanges, type JourneyGraph } from '@cairn/schema';
import type { EditorDoc, FlowNode } from './flow.types';
import { fromGraph, toGraph } from './graph-convert';

/** The latest draft on the server, as a conflict shows it. */
export interface LatestDraft {
  readonly graph: JourneyGraph;
  readonly revision: number;
}

/**
 * What this editor's draft changes compared to the one saved elsewhere, in the publish summary's
 * sentences (`describeChanges`): what "reload theirs" would throw away and "keep mine" would
 * write over theirs. Empty when the two behave the same.
 *
 * @example
 * conflictChanges(doc, theirs) // ['Added action "Reminder SMS".', '1 connection added.']
 */
export function conflictChanges(mine: EditorDoc, theirs: JourneyGraph): readonly string[] {
  return describeChanges(theirs, toGraph(mine));
}

/** Whether the draft saved elsewhere is this very document (nothing to choose between). */
export function sameDraft(mine: EditorDoc, theirs: JourneyGraph): boolean {
  return stableJson(toGraph(mine)) === stableJson(theirs);
}

/**
 * Their draft as the editor's document, keeping what belongs to this screen: the selection and
 * React Flow's measurements of the steps both drafts have, so the view does not jump and the
 * inspector stays on the step it showed.
 *
 * @example
 * takeTheirs(mine, theirs).nodes.find((n) => n.id === 'wait')?.selected // true when it was selected here
 */
export function takeTheirs(mine: EditorDoc, theirs: JourneyGraph): EditorDoc {
  const local = new Map(mine.nodes.map((n) => [n.id, n]));
  const doc = fromGraph(theirs);
  return {
    ...doc,
    nodes: doc.nodes.map((n): FlowNode => {
      const here = local.get(n.id);
      if (!here) return n;
      return {
        ...n,
        ...(here.selected ? { selected: true } : {}),
        ...(here.measured ? { measured: here.measured } : {}),
      };
    }),
  };
}

/** JSON with object keys sorted, so two graphs compare by content, not by key order. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}
