import { assertUnreachable } from '../../assert-unreachable';
import type { FilterNode, RuleDocument } from '../../rules/rule.types';
import { readNode as readRuleNode } from '../../rules/validate/read-node';
import { readDuration } from '../../rules/validate/read-predicate';
import { Reader, describe, type Json, type JsonPath } from '../../rules/validate/reader';
import { validateRule } from '../../rules/validate/validate-rule';
import type { JourneyProblem } from '../compile/problems';
import { JOURNEY_LIMITS } from '../compile/problems';
import {
  ACTION_TYPES,
  JOURNEY_NODE_KINDS,
  MESSAGE_CHANNELS,
  TRIGGER_TYPES,
  WAIT_TYPES,
  type ActionSpec,
  type JourneyNode,
  type MessageTemplate,
  type NodePosition,
  type RandomArm,
  type SplitBranch,
  type TriggerSpec,
  type WaitSpec,
  type Weekday,
} from '../journey.types';
import { TIME_OF_DAY } from '../local-time';
import { fromRuleProblem } from './reader-problems';

const HANDLE = /^[A-Za-z0-9_-]{1,40}$/;
const RESERVED_HANDLES = ['else'];

/** Reads a node's fields; structural problems go to `r`, problems inside its rules to `problems`. */
class NodeReading {
  readonly r = new Reader();
  readonly ruleProblems: JourneyProblem[] = [];
  constructor(
    readonly nodeId: string | undefined,
    readonly path: JsonPath,
  ) {
    this.r.nodeId = nodeId;
  }

  problems(): JourneyProblem[] {
    return [
      ...this.r.problems.map((p) => fromRuleProblem(p, this.nodeId, { structural: true })),
      ...this.ruleProblems,
    ];
  }

  /** An optional event filter over properties (the rule language's `where`). */
  filter(o: Json, path: JsonPath): FilterNode | undefined {
    if (!Object.prototype.hasOwnProperty.call(o, 'where')) return undefined;
    const fr = new Reader();
    const where = readRuleNode(fr, o['where'], [...path, 'where'], 1, 'filter');
    for (const p of fr.problems)
      this.ruleProblems.push(fromRuleProblem(p, this.nodeId, { structural: false }));
    return where;
  }

  /** A rule document (conditions, split branches), validated without a catalog (checked later). */
  rule(o: Json, key: string, path: JsonPath): RuleDocument | undefined {
    const json = this.r.field(o, key, path);
    if (json === undefined) return undefined;
    const result = validateRule(json);
    if (result.ok) return result.rule;
    for (const p of result.problems)
      this.ruleProblems.push(
        fromRuleProblem(p, this.nodeId, { structural: false, pathPrefix: [...path, key] }),
      );
    return undefined;
  }

  time(o: Json, key: string, path: JsonPath): string | undefined {
    const value = this.r.string(o, key, path);
    if (value === undefined || TIME_OF_DAY.test(value)) return value;
    this.r.report(
      'RULE_BAD_VALUE',
      [...path, key],
      `"${key}" must be a time "HH:MM" (00:00–23:59), got ${describe(value)}.`,
    );
    return undefined;
  }

  weekdays(o: Json, path: JsonPath): readonly Weekday[] | undefined {
    if (!Object.prototype.hasOwnProperty.call(o, 'weekdays')) return undefined;
    const value = o['weekdays'];
    const ok =
      Array.isArray(value) &&
      value.length > 0 &&
      value.every((d) => Number.isInteger(d) && d >= 1 && d <= 7) &&
      new Set(value).size === value.length;
    if (ok) return value as Weekday[];
    this.r.report(
      'RULE_BAD_VALUE',
      [...path, 'weekdays'],
      '"weekdays" must be a non-empty list of distinct ISO weekdays, 1 (Monday) to 7 (Sunday).',
    );
    return undefined;
  }

  handle(o: Json, path: JsonPath, seen: Set<string>): string | undefined {
    const handle = this.r.string(o, 'handle', path, { max: 40 });
    if (handle === undefined) return undefined;
    if (!HANDLE.test(handle) || RESERVED_HANDLES.includes(handle)) {
      this.r.report(
        'RULE_BAD_VALUE',
        [...path, 'handle'],
        `"handle" must be letters, digits, "-" or "_" and not "else" (got ${describe(handle)}).`,
      );
      return undefined;
    }
    if (seen.has(handle)) {
      this.r.report(
        'RULE_BAD_VALUE',
        [...path, 'handle'],
        `The handle "${handle}" is used by another output of this node; give each output its own.`,
      );
      return undefined;
    }
    seen.add(handle);
    return handle;
  }

  list(o: Json, key: string, path: JsonPath, what: string): unknown[] | undefined {
    const value = this.r.field(o, key, path);
    if (value === undefined) return undefined;
    if (!Array.isArray(value) || value.length === 0) {
      this.r.report(
        'RULE_BAD_VALUE',
        [...path, key],
        `"${key}" must be a non-empty list of ${what}.`,
      );
      return undefined;
    }
    if (value.length > JOURNEY_LIMITS.maxBranches) {
      this.r.report(
        'RULE_BAD_VALUE',
        [...path, key],
        `At most ${JOURNEY_LIMITS.maxBranches} ${what} per node; chain two nodes instead.`,
      );
      return undefined;
    }
    return value;
  }
}

/** Reads one journey node; returns the node (when readable) and every problem found in it. */
export function readJourneyNode(
  json: unknown,
  path: JsonPath,
): { node?: JourneyNode; id?: string; kind?: JourneyNode['kind']; problems: JourneyProblem[] } {
  const probe = new Reader();
  const o = probe.object(json, path, 'A journey node');
  if (!o)
    return {
      problems: probe.problems.map((p) => fromRuleProblem(p, undefined, { structural: true })),
    };
  const rawId = o['id'];
  const reading = new NodeReading(typeof rawId === 'string' ? rawId : undefined, path);
  const { r } = reading;
  const id = r.string(o, 'id', path, { max: JOURNEY_LIMITS.maxIdLength });
  const kind = o['kind'];
  if (typeof kind !== 'string' || !(JOURNEY_NODE_KINDS as readonly string[]).includes(kind)) {
    return {
      problems: [
        ...reading.problems(),
        {
          code: 'JOURNEY_UNKNOWN_KIND',
          severity: 'error',
          message: `"kind" must be one of ${JOURNEY_NODE_KINDS.join(', ')} (got ${describe(kind)}).`,
          path: [...path, 'kind'],
          ...(id === undefined ? {} : { nodeId: id }),
        },
      ],
    };
  }
  const common = ['id', 'kind', 'label', 'position'];
  const label = r.string(o, 'label', path, { optional: true, nonEmpty: false, max: 200 });
  const position = readPosition(r, o, path);
  const base = { ...(label === undefined ? {} : { label }), ...(position ? { position } : {}) };
  const k = kind as JourneyNode['kind'];
  let node: JourneyNode | undefined;
  switch (k) {
    case 'trigger': {
      r.onlyKeys(o, [...common, 'trigger'], path);
      const trigger = readTrigger(
        reading,
        r.object(r.field(o, 'trigger', path), [...path, 'trigger'], '"trigger"'),
        [...path, 'trigger'],
      );
      if (id !== undefined && trigger) node = { id, kind: k, ...base, trigger };
      break;
    }
    case 'wait': {
      r.onlyKeys(o, [...common, 'wait'], path);
      const wait = readWait(
        reading,
        r.object(r.field(o, 'wait', path), [...path, 'wait'], '"wait"'),
        [...path, 'wait'],
      );
      if (id !== undefined && wait) node = { id, kind: k, ...base, wait };
      break;
    }
    case 'condition': {
      r.onlyKeys(o, [...common, 'rule'], path);
      const rule = reading.rule(o, 'rule', path);
      if (id !== undefined && rule) node = { id, kind: k, ...base, rule };
      break;
    }
    case 'split': {
      r.onlyKeys(o, [...common, 'branches'], path);
      const branches = readBranches(reading, o, path);
      if (id !== undefined && branches) node = { id, kind: k, ...base, branches };
      break;
    }
    case 'randomSplit': {
      r.onlyKeys(o, [...common, 'salt', 'arms'], path);
      const salt = r.string(o, 'salt', path, { optional: true, max: 100 });
      const arms = readArms(reading, o, path);
      if (id !== undefined && arms)
        node = { id, kind: k, ...base, ...(salt === undefined ? {} : { salt }), arms };
      break;
    }
    case 'action': {
      r.onlyKeys(o, [...common, 'action'], path);
      const action = readAction(
        reading,
        r.object(r.field(o, 'action', path), [...path, 'action'], '"action"'),
        [...path, 'action'],
      );
      if (id !== undefined && action) node = { id, kind: k, ...base, action };
      break;
    }
    case 'goal': {
      r.onlyKeys(o, [...common, 'event', 'where', 'within'], path);
      const event = r.string(o, 'event', path, { max: 200 });
      const where = reading.filter(o, path);
      const within = readDuration(r, o, 'within', path);
      if (id !== undefined && event !== undefined && within)
        node = { id, kind: k, ...base, event, ...(where ? { where } : {}), within };
      break;
    }
    case 'exit':
      r.onlyKeys(o, common, path);
      if (id !== undefined) node = { id, kind: k, ...base };
      break;
    default:
      assertUnreachable(k);
  }
  const problems = reading.problems();
  return problems.length === 0 && node
    ? { node, problems }
    : { ...(id === undefined ? {} : { id }), kind: k, problems };
}

function readPosition(r: Reader, o: Json, path: JsonPath): NodePosition | undefined {
  if (!Object.prototype.hasOwnProperty.call(o, 'position')) return undefined;
  const p = r.object(o['position'], [...path, 'position'], '"position"');
  if (!p) return undefined;
  const x = r.number(p, 'x', [...path, 'position']);
  const y = r.number(p, 'y', [...path, 'position']);
  return x === undefined || y === undefined ? undefined : { x, y };
}

function readTrigger(n: NodeReading, o: Json | undefined, path: JsonPath): TriggerSpec | undefined {
  if (!o) return undefined;
  const { r } = n;
  const type = r.oneOf(o, 'type', path, TRIGGER_TYPES);
  switch (type) {
    case undefined:
      return undefined;
    case 'event': {
      r.onlyKeys(o, ['type', 'event', 'where'], path);
      const event = r.string(o, 'event', path, { max: 200 });
      const where = n.filter(o, path);
      return event === undefined ? undefined : { type, event, ...(where ? { where } : {}) };
    }
    case 'segmentEntered':
    case 'segmentExited': {
      r.onlyKeys(o, ['type', 'segmentId'], path);
      const segmentId = r.string(o, 'segmentId', path, { max: 100 });
      return segmentId === undefined ? undefined : { type, segmentId };
    }
    case 'scoreThreshold': {
      r.onlyKeys(o, ['type', 'model', 'threshold', 'direction'], path);
      const model = r.string(o, 'model', path, { max: 100 });
      const threshold = r.number(o, 'threshold', path);
      const direction = r.oneOf(o, 'direction', path, ['above', 'below'] as const);
      return model === undefined || threshold === undefined || !direction
        ? undefined
        : { type, model, threshold, direction };
    }
    case 'schedule': {
      r.onlyKeys(o, ['type', 'time', 'weekdays', 'segmentId'], path);
      const time = n.time(o, 'time', path);
      const weekdays = n.weekdays(o, path);
      const segmentId = r.string(o, 'segmentId', path, { optional: true, max: 100 });
      return time === undefined
        ? undefined
        : { type, time, ...(weekdays ? { weekdays } : {}), ...(segmentId ? { segmentId } : {}) };
    }
    case 'dateTrait': {
      r.onlyKeys(o, ['type', 'path', 'offsetDays', 'time'], path);
      const traitPath = r.string(o, 'path', path, { max: 200 });
      if (traitPath !== undefined && !traitPath.startsWith('traits.'))
        r.report(
          'RULE_BAD_PATH',
          [...path, 'path'],
          `"path" names a date trait, as "traits.birthday".`,
        );
      const offsetDays = r.number(o, 'offsetDays', path, { integer: true, min: -366, max: 366 });
      const time = n.time(o, 'time', path);
      return traitPath === undefined || offsetDays === undefined || time === undefined
        ? undefined
        : { type, path: traitPath, offsetDays, time };
    }
    case 'api':
      r.onlyKeys(o, ['type'], path);
      return { type };
    default:
      return assertUnreachable(type);
  }
}

function readWait(n: NodeReading, o: Json | undefined, path: JsonPath): WaitSpec | undefined {
  if (!o) return undefined;
  const { r } = n;
  const type = r.oneOf(o, 'type', path, WAIT_TYPES);
  switch (type) {
    case undefined:
      return undefined;
    case 'duration': {
      r.onlyKeys(o, ['type', 'duration'], path);
      const duration = readDuration(r, o, 'duration', path);
      return duration ? { type, duration } : undefined;
    }
    case 'until': {
      r.onlyKeys(o, ['type', 'time', 'weekdays'], path);
      const time = n.time(o, 'time', path);
      const weekdays = n.weekdays(o, path);
      return time === undefined ? undefined : { type, time, ...(weekdays ? { weekdays } : {}) };
    }
    case 'event': {
      r.onlyKeys(o, ['type', 'event', 'where', 'timeout'], path);
      const event = r.string(o, 'event', path, { max: 200 });
      const where = n.filter(o, path);
      const hasTimeout =
        Object.prototype.hasOwnProperty.call(o, 'timeout') && o['timeout'] !== null;
      const timeout = hasTimeout ? readDuration(r, o, 'timeout', path) : undefined;
      if (event === undefined || (hasTimeout && !timeout)) return undefined;
      return { type, event, ...(where ? { where } : {}), ...(timeout ? { timeout } : {}) };
    }
    default:
      return assertUnreachable(type);
  }
}

function readBranches(n: NodeReading, o: Json, path: JsonPath): SplitBranch[] | undefined {
  const list = n.list(o, 'branches', path, 'branches');
  if (!list) return undefined;
  const seen = new Set<string>();
  const branches: SplitBranch[] = [];
  list.forEach((value, i) => {
    const at = [...path, 'branches', i];
    const b = n.r.object(value, at, 'A branch');
    if (!b) return;
    n.r.onlyKeys(b, ['handle', 'name', 'rule'], at);
    const handle = n.handle(b, at, seen);
    const name = n.r.string(b, 'name', at, { max: 100 });
    const rule = n.rule(b, 'rule', at);
    if (handle !== undefined && name !== undefined && rule) branches.push({ handle, name, rule });
  });
  return branches.length === list.length ? branches : undefined;
}

function readArms(n: NodeReading, o: Json, path: JsonPath): RandomArm[] | undefined {
  const list = n.list(o, 'arms', path, 'arms');
  if (!list) return undefined;
  const seen = new Set<string>();
  const arms: RandomArm[] = [];
  list.forEach((value, i) => {
    const at = [...path, 'arms', i];
    const a = n.r.object(value, at, 'An arm');
    if (!a) return;
    n.r.onlyKeys(a, ['handle', 'name', 'weight', 'control'], at);
    const handle = n.handle(a, at, seen);
    const name = n.r.string(a, 'name', at, { max: 100 });
    const weight = n.r.number(a, 'weight', at, { integer: true, min: 0, max: 100 });
    const control = a['control'];
    if (control !== undefined && typeof control !== 'boolean')
      n.r.report('RULE_WRONG_TYPE', [...at, 'control'], `"control" must be true or false.`);
    if (handle !== undefined && name !== undefined && weight !== undefined)
      arms.push({ handle, name, weight, ...(control === true ? { control } : {}) });
  });
  return arms.length === list.length ? arms : undefined;
}

function readAction(n: NodeReading, o: Json | undefined, path: JsonPath): ActionSpec | undefined {
  if (!o) return undefined;
  const { r } = n;
  const type = r.oneOf(o, 'type', path, ACTION_TYPES);
  switch (type) {
    case undefined:
      return undefined;
    case 'send': {
      r.onlyKeys(o, ['type', 'channel', 'template'], path);
      // Channel and template may be missing in a draft: the compiler reports them on the node.
      const channel =
        o['channel'] == null ? undefined : r.oneOf(o, 'channel', path, MESSAGE_CHANNELS);
      const template =
        o['template'] == null ? undefined : readTemplate(r, o, [...path, 'template']);
      if ((o['channel'] != null && !channel) || (o['template'] != null && !template))
        return undefined;
      return { type, ...(channel ? { channel } : {}), ...(template ? { template } : {}) };
    }
    case 'setTrait': {
      r.onlyKeys(o, ['type', 'path', 'value'], path);
      const traitPath = r.string(o, 'path', path, { max: 200 });
      if (traitPath !== undefined && !/^traits\.[^.]+(\.[^.]+)*$/.test(traitPath))
        r.report(
          'RULE_BAD_PATH',
          [...path, 'path'],
          `"path" names a trait, as "traits.lifecycle_stage".`,
        );
      const value = r.field(o, 'value', path);
      const scalar =
        typeof value === 'string' ||
        typeof value === 'boolean' ||
        (typeof value === 'number' && Number.isFinite(value));
      if (value !== undefined && !scalar)
        r.report(
          'RULE_WRONG_TYPE',
          [...path, 'value'],
          `"value" must be a string, a finite number or a boolean.`,
        );
      return traitPath === undefined || !scalar
        ? undefined
        : { type, path: traitPath, value: value as string | number | boolean };
    }
    case 'addScore': {
      r.onlyKeys(o, ['type', 'model', 'points'], path);
      const model = r.string(o, 'model', path, { max: 100 });
      const points = r.number(o, 'points', path, { min: -1e6, max: 1e6 });
      return model === undefined || points === undefined ? undefined : { type, model, points };
    }
    case 'notifySales': {
      r.onlyKeys(o, ['type', 'message'], path);
      const message = r.string(o, 'message', path, { max: 2_000 });
      return message === undefined ? undefined : { type, message };
    }
    case 'addTag': {
      r.onlyKeys(o, ['type', 'tag'], path);
      const tag = r.string(o, 'tag', path, { max: 100 });
      return tag === undefined ? undefined : { type, tag };
    }
    default:
      return assertUnreachable(type);
  }
}

function readTemplate(r: Reader, parent: Json, path: JsonPath): MessageTemplate | undefined {
  const o = r.object(parent['template'], path, '"template"');
  if (!o) return undefined;
  r.onlyKeys(o, ['subject', 'body', 'endpoint'], path);
  const max = JOURNEY_LIMITS.maxTemplateLength;
  const subject = r.string(o, 'subject', path, { optional: true, nonEmpty: false, max: 1_000 });
  const body = r.string(o, 'body', path, { nonEmpty: false, max });
  const endpoint = r.string(o, 'endpoint', path, { optional: true, max: 100 });
  if (body === undefined) return undefined;
  return {
    body,
    ...(subject === undefined ? {} : { subject }),
    ...(endpoint === undefined ? {} : { endpoint }),
  };
}
