import { assertUnreachable, type Duration, type JourneyNodeKind } from '@cairn/schema';
import type { StepBody } from '../editor/flow.types';

/** How each kind of step looks in the palette and on the canvas. */
export const STEP_KINDS = {
  trigger: { title: 'Trigger', hint: 'Where customers enter', tone: 'trigger' },
  wait: { title: 'Wait', hint: 'A delay, a time of day, or an event', tone: 'flow' },
  condition: { title: 'Condition', hint: 'Yes / no on a rule', tone: 'decision' },
  split: {
    title: 'Split',
    hint: 'Branches on rules, first match wins',
    tone: 'decision',
  },
  randomSplit: { title: 'A/B split', hint: 'Weighted random arms', tone: 'decision' },
  action: {
    title: 'Message',
    hint: 'Email, SMS, push, webhook, update',
    tone: 'action',
  },
  goal: { title: 'Goal', hint: 'A conversion to count', tone: 'goal' },
  exit: { title: 'Exit', hint: 'The journey ends here', tone: 'exit' },
} as const satisfies Record<JourneyNodeKind, { title: string; hint: string; tone: string }>;

/** The palette, in the order a journey is usually drawn. */
export const PALETTE_KINDS = Object.keys(STEP_KINDS) as JourneyNodeKind[];

export const formatDuration = (d: Duration) =>
  `${d.amount} ${d.amount === 1 ? d.unit.replace(/s$/, '') : d.unit}`;

/** One line saying what a step does, drawn under its name. */
export function summarize(step: StepBody): string {
  switch (step.kind) {
    case 'trigger': {
      const t = step.trigger;
      if (t.type === 'event') return t.event ? `When “${t.event}” happens` : 'Pick an event';
      if (t.type === 'segmentEntered') return 'On entering a segment';
      if (t.type === 'segmentExited') return 'On leaving a segment';
      if (t.type === 'scoreThreshold') return `Score ${t.model} ${t.direction} ${t.threshold}`;
      if (t.type === 'schedule') return `Every day at ${t.time}`;
      if (t.type === 'dateTrait') return `Yearly on ${t.path}`;
      return 'Enrolled through the API';
    }
    case 'wait': {
      const w = step.wait;
      if (w.type === 'duration') return `Wait ${formatDuration(w.duration)}`;
      if (w.type === 'until') return `Until ${w.time}`;
      return `Until “${w.event || '…'}”${w.timeout ? `, at most ${formatDuration(w.timeout)}` : ''}`;
    }
    case 'condition':
      return 'Yes / no';
    case 'split':
      return `${step.branches.length} branch${step.branches.length === 1 ? '' : 'es'} + else`;
    case 'randomSplit':
      return step.arms.map((a) => `${a.name} ${a.weight}%`).join(' · ');
    case 'action': {
      const a = step.action;
      if (a.type === 'send')
        return `${a.channel ?? 'Pick a channel'}: ${a.template?.subject ?? a.template?.body.slice(0, 40) ?? 'no template'}`;
      if (a.type === 'setTrait') return `Set ${a.path}`;
      if (a.type === 'addScore') return `+${a.points} ${a.model}`;
      if (a.type === 'notifySales') return 'Alert sales';
      return `Tag ${a.tag}`;
    }
    case 'goal':
      return step.event ? `“${step.event}” within ${formatDuration(step.within)}` : 'Pick an event';
    case 'exit':
      return 'Leave the journey';
    default:
      return assertUnreachable(step);
  }
}

/** How an output handle is labelled on the node. */
export function handleLabel(step: StepBody, handle: string): string {
  if (step.kind === 'split') return step.branches.find((b) => b.handle === handle)?.name ?? 'Else';
  if (step.kind === 'randomSplit')
    return step.arms.find((a) => a.handle === handle)?.name ?? handle;
  return handle === 'next' ? '' : handle;
}
