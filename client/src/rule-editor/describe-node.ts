import {
  assertUnreachable,
  type Duration,
  type NumberComparison,
  type Predicate,
} from '@cairn/schema';
import type { EditorNode } from './draft.types';
import {
  CHANNEL_LABELS,
  COMPARISON_LABELS,
  fieldLabel,
  MEASURE_LABELS,
  OPERATOR_LABELS,
} from './labels';
import { predicateOf } from './predicates';

const duration = (d: Duration) => `${d.amount} ${d.unit}`;
const comparison = (c: NumberComparison) =>
  c.op === 'between' ? `between ${c.min} and ${c.max}` : `${COMPARISON_LABELS[c.op]} ${c.value}`;

function predicate(p: Predicate): string {
  const op = OPERATOR_LABELS[p.op];
  switch (p.op) {
    case 'between':
      return `${op} ${p.min} and ${p.max}`;
    case 'in':
    case 'notIn':
      return `${op} ${p.values.join(', ')}`;
    case 'matches':
      return `${op} /${p.pattern}/`;
    case 'exists':
    case 'notExists':
    case 'isEmpty':
      return op;
    case 'withinLast':
    case 'notWithinLast':
      return `${op} ${duration(p.duration)}`;
    case 'anniversaryWithin':
      return `${op} ${p.days} days`;
    default:
      return `${op} ${String(p.value)}`;
  }
}

/**
 * One line that says what a node asks, for explanations and summaries (`segmentName` names
 * referenced segments).
 *
 * @example
 * describeNode({ kind: 'trait', path: 'traits.plan', type: 'string', op: 'eq', value: 'pro' }) // 'plan is pro'
 */
export function describeNode(
  node: EditorNode,
  segmentName: (id: string) => string | undefined = () => undefined,
): string {
  switch (node.kind) {
    case 'all':
      return 'All of';
    case 'any':
      return 'Any of';
    case 'not':
      return 'Not';
    case 'trait':
    case 'property':
      return `${fieldLabel(node.path)} ${predicate(predicateOf(node))}`;
    case 'event': {
      const m = node.measure;
      if (m.type === 'count') {
        const window =
          m.window.type === 'ever'
            ? 'ever'
            : m.window.type === 'last'
              ? `in the last ${duration(m.window.duration)}`
              : `between ${m.window.from} and ${m.window.to}`;
        return `${node.event} happened ${comparison(m.compare)} times ${window}`;
      }
      if ('compare' in m)
        return `${MEASURE_LABELS[m.type]} ${m.property} of ${node.event} ${comparison(m.compare)}`;
      return `${node.event} ${MEASURE_LABELS[m.type]} ${duration(m.duration)}${m.type.endsWith('Before') ? ' ago' : ''}`;
    }
    case 'score': {
      const m = node.measure;
      if (m.type === 'hasScore') return `has a ${node.model} score`;
      if (m.type === 'current') return `${node.model} score ${comparison(m.compare)}`;
      return `${node.model} score changed by ${comparison(m.compare)} over ${duration(m.duration)}`;
    }
    case 'segment':
      return `is in the segment ${segmentName(node.segmentId) ?? node.segmentId}`;
    case 'consent':
      return `opted in to ${CHANNEL_LABELS[node.channel]}`;
    case 'randomBucket':
      return `bucket ${node.from} to ${node.to} of "${node.salt}"`;
    default:
      return assertUnreachable(node);
  }
}
