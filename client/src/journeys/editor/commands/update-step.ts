import { outputHandles } from '@cairn/schema';
import type { EditorDoc, StepBody } from '../flow.types';
import { toJourneyNode } from '../graph-convert';

/**
 * Replaces a step's settings. Edges from output handles the step no longer has (a removed split
 * branch, a wait that no longer has a timeout) are removed with it.
 */
export function updateStep(doc: EditorDoc, nodeId: string, step: StepBody): EditorDoc {
  const node = doc.nodes.find((n) => n.id === nodeId);
  if (!node || node.data.step.kind !== step.kind) return doc;
  const next = { ...node, data: { step } };
  const handles = new Set(outputHandles(toJourneyNode(next)));
  return {
    ...doc,
    nodes: doc.nodes.map((n) => (n.id === nodeId ? next : n)),
    edges: doc.edges.filter((e) => e.source !== nodeId || handles.has(e.sourceHandle)),
  };
}

/** Replaces the journey's settings (re-entry, goals, frequency cap, quiet hours). */
export function updateSettings(doc: EditorDoc, settings: EditorDoc['settings']): EditorDoc {
  return { ...doc, settings };
}
