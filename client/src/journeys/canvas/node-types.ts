import type { JourneyNodeKind } from '@cairn/schema';
import type { NodeTypes } from '@xyflow/react';
import { StepNode } from './StepNode';

/**
 * React Flow's node types registry: one entry per step kind, created once at module scope
 * (React Flow warns when `nodeTypes` is re-created per render).
 */
export const NODE_TYPES = {
  trigger: StepNode,
  wait: StepNode,
  condition: StepNode,
  split: StepNode,
  randomSplit: StepNode,
  action: StepNode,
  goal: StepNode,
  exit: StepNode,
} as const satisfies Record<JourneyNodeKind, unknown> & NodeTypes;
