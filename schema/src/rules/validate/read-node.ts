import {
  BUCKET_COUNT,
  FILTER_NODE_KINDS,
  RULE_NODE_KINDS,
  CHANNELS,
  type EventCondition,
  type EventMeasure,
  type EventWindow,
  type FilterNode,
  type RuleNode,
  type ScoreMeasure,
} from '../rule.types';
import { parseIsoInstant } from '../time';
import { RULE_LIMITS } from './problems';
import { describe, own, type Json, type JsonPath, type Reader } from './reader';
import {
  PREDICATE_FIELDS,
  readComparison,
  readDuration,
  readPredicate,
  readValueType,
} from './read-predicate';

const RULE_KINDS = RULE_NODE_KINDS;
const FILTER_KINDS = FILTER_NODE_KINDS;
const PROFILE_FIELDS: Record<string, 'string' | 'date'> = { email: 'string', createdAt: 'date' };
/** A path segment: no dots, quotes, brackets or control characters, not starting with "$". */
// eslint-disable-next-line no-control-regex -- control characters are exactly what the class excludes
const SEGMENT = /^(?!\$)[^."[\]\u0000-\u001f]{1,100}$/;

/** Reads one node of a rule (`scope: 'rule'`) or of an event filter (`scope: 'filter'`). */
export function readNode(
  r: Reader,
  value: unknown,
  path: JsonPath,
  depth: number,
  scope: 'rule',
): RuleNode | undefined;
export function readNode(
  r: Reader,
  value: unknown,
  path: JsonPath,
  depth: number,
  scope: 'filter',
): FilterNode | undefined;
export function readNode(
  r: Reader,
  value: unknown,
  path: JsonPath,
  depth: number,
  scope: 'rule' | 'filter',
): RuleNode | FilterNode | undefined {
  const o = r.object(value, path, 'A rule node');
  if (!o) return undefined;
  const outerId = r.nodeId;
  if (typeof o['id'] === 'string') r.nodeId = o['id'];
  r.nodeId = readId(r, o, path) ?? outerId;
  try {
    if (depth > RULE_LIMITS.maxDepth) {
      r.report(
        'RULE_TOO_DEEP',
        path,
        `Rules nest at most ${RULE_LIMITS.maxDepth} levels deep; flatten the groups or move a part into its own segment.`,
      );
      return undefined;
    }
    r.nodes++;
    if (r.nodes === RULE_LIMITS.maxNodes + 1) {
      r.report(
        'RULE_TOO_MANY_NODES',
        path,
        `A rule has at most ${RULE_LIMITS.maxNodes} nodes; split it into segments that reference each other.`,
      );
    }
    if (r.nodes > RULE_LIMITS.maxNodes) return undefined;
    const kinds = scope === 'rule' ? RULE_KINDS : FILTER_KINDS;
    const kind = o['kind'];
    if (typeof kind !== 'string' || !(kinds as readonly string[]).includes(kind)) {
      const hint =
        scope === 'filter' &&
        typeof kind === 'string' &&
        (RULE_KINDS as readonly string[]).includes(kind)
          ? `Inside an event's "where" only ${FILTER_KINDS.join(', ')} nodes are allowed.`
          : scope === 'rule' && kind === 'property'
            ? '"property" conditions belong inside an event\'s "where"; on the profile use "trait".'
            : `"kind" must be one of ${kinds.join(', ')}.`;
      const known =
        typeof kind === 'string' &&
        ([...RULE_KINDS, ...FILTER_KINDS] as readonly string[]).includes(kind);
      r.report(
        kind === undefined
          ? 'RULE_MISSING_FIELD'
          : known
            ? 'RULE_KIND_NOT_ALLOWED_HERE'
            : 'RULE_UNKNOWN_KIND',
        [...path, 'kind'],
        `${kind === undefined ? 'A node needs a "kind". ' : `Unknown or misplaced kind ${describe(kind)}. `}${hint}`,
      );
      return undefined;
    }
    return readKind(r, o, kind as (typeof RULE_KINDS)[number] | 'property', path, depth, scope);
  } finally {
    r.nodeId = outerId;
  }
}

function readId(r: Reader, o: Json, path: JsonPath): string | undefined {
  if (!Object.prototype.hasOwnProperty.call(o, 'id')) return undefined;
  const id = r.string(o, 'id', path, { max: 100 });
  if (id === undefined) return undefined;
  if (r.nodeIds.has(id))
    r.report(
      'RULE_DUPLICATE_NODE_ID',
      [...path, 'id'],
      `Another node already has id "${id}"; ids must be unique in a rule.`,
    );
  r.nodeIds.add(id);
  return id;
}

const withId = <T extends object>(o: Json, node: T): T =>
  typeof o['id'] === 'string' ? { id: o['id'], ...node } : node;

function readKind(
  r: Reader,
  o: Json,
  kind: (typeof RULE_KINDS)[number] | 'property',
  path: JsonPath,
  depth: number,
  scope: 'rule' | 'filter',
): RuleNode | FilterNode | undefined {
  switch (kind) {
    case 'all':
    case 'any': {
      r.onlyKeys(o, ['kind', 'id', 'children'], path);
      const raw = r.field(o, 'children', path);
      if (raw === undefined) return undefined;
      if (!Array.isArray(raw)) {
        r.report(
          'RULE_WRONG_TYPE',
          [...path, 'children'],
          `"children" must be a list of nodes, got ${describe(raw)}.`,
        );
        return undefined;
      }
      const children = raw.map((c, i) =>
        scope === 'rule'
          ? readNode(r, c, [...path, 'children', i], depth + 1, 'rule')
          : readNode(r, c, [...path, 'children', i], depth + 1, 'filter'),
      );
      if (children.some((c) => c === undefined)) return undefined;
      return withId(o, { kind, children } as RuleNode);
    }
    case 'not': {
      r.onlyKeys(o, ['kind', 'id', 'child'], path);
      const raw = r.field(o, 'child', path);
      if (raw === undefined) return undefined;
      const child =
        scope === 'rule'
          ? readNode(r, raw, [...path, 'child'], depth + 1, 'rule')
          : readNode(r, raw, [...path, 'child'], depth + 1, 'filter');
      return child === undefined ? undefined : withId(o, { kind, child } as RuleNode);
    }
    case 'trait':
    case 'property': {
      const type = readValueType(r, o, path);
      const op =
        typeof o['op'] === 'string' ? (o['op'] as keyof typeof PREDICATE_FIELDS) : undefined;
      r.onlyKeys(
        o,
        ['kind', 'id', 'path', 'type', 'op', ...((op && own(PREDICATE_FIELDS, op)) ?? [])],
        path,
      );
      const fieldPath =
        kind === 'trait' ? readProfilePath(r, o, path, type) : readDottedPath(r, o, 'path', path);
      const predicate = readPredicate(r, o, path, type);
      if (fieldPath === undefined || type === undefined || predicate === undefined)
        return undefined;
      return withId(o, { kind, path: fieldPath, type, ...predicate });
    }
    case 'event':
      return readEvent(r, o, path, depth);
    case 'score': {
      r.onlyKeys(o, ['kind', 'id', 'model', 'measure'], path);
      const model = r.string(o, 'model', path, { max: 200 });
      const measure = readScoreMeasure(r, o, path);
      return model === undefined || measure === undefined
        ? undefined
        : withId(o, { kind, model, measure });
    }
    case 'segment': {
      r.onlyKeys(o, ['kind', 'id', 'segmentId'], path);
      const segmentId = r.string(o, 'segmentId', path, { max: 200 });
      return segmentId === undefined ? undefined : withId(o, { kind, segmentId });
    }
    case 'consent': {
      r.onlyKeys(o, ['kind', 'id', 'channel'], path);
      const channel = r.oneOf(o, 'channel', path, CHANNELS);
      return channel === undefined ? undefined : withId(o, { kind, channel });
    }
    case 'randomBucket': {
      r.onlyKeys(o, ['kind', 'id', 'salt', 'from', 'to'], path);
      const salt = r.string(o, 'salt', path, { max: 200 });
      const from = r.number(o, 'from', path, { integer: true, min: 0, max: BUCKET_COUNT - 1 });
      const to = r.number(o, 'to', path, { integer: true, min: 1, max: BUCKET_COUNT });
      if (from !== undefined && to !== undefined && from >= to) {
        r.report(
          'RULE_BAD_VALUE',
          [...path, 'to'],
          `"to" (${to}) must be above "from" (${from}): the bucket range is from <= bucket < to.`,
        );
        return undefined;
      }
      return salt === undefined || from === undefined || to === undefined
        ? undefined
        : withId(o, { kind, salt, from, to });
    }
  }
}

function readDottedPath(r: Reader, o: Json, key: string, path: JsonPath): string | undefined {
  const value = r.string(o, key, path, { max: 500 });
  if (value === undefined) return undefined;
  const segments = value.split('.');
  if (segments.length > RULE_LIMITS.maxPathSegments || !segments.every((s) => SEGMENT.test(s))) {
    r.report(
      'RULE_BAD_PATH',
      [...path, key],
      `"${value}" is not a valid path: dotted names (e.g. "company.size"), each without quotes or brackets and not starting with "$".`,
    );
    return undefined;
  }
  return value;
}

function readProfilePath(
  r: Reader,
  o: Json,
  path: JsonPath,
  type: string | undefined,
): string | undefined {
  const value = readDottedPath(r, o, 'path', path);
  if (value === undefined) return undefined;
  const field = own(PROFILE_FIELDS, value);
  if (field !== undefined) {
    if (type !== undefined && type !== field)
      r.report(
        'RULE_TYPE_MISMATCH',
        [...path, 'type'],
        `"${value}" is a ${field}; set "type": "${field}".`,
      );
    return value;
  }
  if (!value.startsWith('traits.') || value.length === 'traits.'.length) {
    r.report(
      'RULE_BAD_PATH',
      [...path, 'path'],
      `"${value}" is not a profile path: use "traits.<name>" (e.g. "traits.country"), "email" or "createdAt".`,
    );
    return undefined;
  }
  return value;
}

function readWindow(r: Reader, m: Json, path: JsonPath): EventWindow | undefined {
  const value = r.field(m, 'window', path);
  if (value === undefined) return undefined;
  const at = [...path, 'window'];
  const w = r.object(value, at, '"window"');
  if (!w) return undefined;
  const type = r.oneOf(w, 'type', at, ['last', 'between', 'ever'] as const);
  switch (type) {
    case undefined:
      return undefined;
    case 'ever':
      r.onlyKeys(w, ['type'], at);
      return { type };
    case 'last': {
      r.onlyKeys(w, ['type', 'duration'], at);
      const duration = readDuration(r, w, 'duration', at);
      return duration === undefined ? undefined : { type, duration };
    }
    case 'between': {
      r.onlyKeys(w, ['type', 'from', 'to'], at);
      const from = r.string(w, 'from', at, { max: 40 });
      const to = r.string(w, 'to', at, { max: 40 });
      const a = from === undefined ? undefined : parseIsoInstant(from);
      const b = to === undefined ? undefined : parseIsoInstant(to);
      if (from !== undefined && a === undefined)
        r.report(
          'RULE_BAD_VALUE',
          [...at, 'from'],
          `"from" must be an ISO 8601 date or date-time with offset, got ${describe(from)}.`,
        );
      if (to !== undefined && b === undefined)
        r.report(
          'RULE_BAD_VALUE',
          [...at, 'to'],
          `"to" must be an ISO 8601 date or date-time with offset, got ${describe(to)}.`,
        );
      if (a === undefined || b === undefined) return undefined;
      if (a >= b) {
        r.report(
          'RULE_BAD_VALUE',
          [...at, 'to'],
          '"to" must be after "from" (the window is from <= time < to).',
        );
        return undefined;
      }
      return { type, from: from!, to: to! };
    }
  }
}

function readEvent(r: Reader, o: Json, path: JsonPath, depth: number): RuleNode | undefined {
  r.onlyKeys(o, ['kind', 'id', 'event', 'where', 'measure'], path);
  const event = r.string(o, 'event', path, { max: 200 });
  let where: FilterNode | undefined;
  let whereOk = true;
  if (Object.prototype.hasOwnProperty.call(o, 'where')) {
    where = readNode(r, o['where'], [...path, 'where'], depth + 1, 'filter');
    whereOk = where !== undefined;
  }
  const measure = readEventMeasure(r, o, path);
  if (event === undefined || measure === undefined || !whereOk) return undefined;
  const node: EventCondition =
    where === undefined
      ? { kind: 'event', event, measure }
      : { kind: 'event', event, where, measure };
  return withId(o, node);
}

function readEventMeasure(r: Reader, o: Json, path: JsonPath): EventMeasure | undefined {
  const value = r.field(o, 'measure', path);
  if (value === undefined) return undefined;
  const at = [...path, 'measure'];
  const m = r.object(value, at, '"measure"');
  if (!m) return undefined;
  const type = r.oneOf(m, 'type', at, [
    'count',
    'sum',
    'avg',
    'min',
    'max',
    'firstOccurredWithin',
    'firstOccurredBefore',
    'lastOccurredWithin',
    'lastOccurredBefore',
  ] as const);
  switch (type) {
    case undefined:
      return undefined;
    case 'count': {
      r.onlyKeys(m, ['type', 'window', 'compare'], at);
      const window = readWindow(r, m, at);
      const compare = readComparison(r, m, 'compare', at);
      return window && compare ? { type, window, compare } : undefined;
    }
    case 'sum':
    case 'avg':
    case 'min':
    case 'max': {
      r.onlyKeys(m, ['type', 'property', 'window', 'compare'], at);
      const property = readDottedPath(r, m, 'property', at);
      const window = readWindow(r, m, at);
      const compare = readComparison(r, m, 'compare', at);
      return property !== undefined && window && compare
        ? { type, property, window, compare }
        : undefined;
    }
    default: {
      r.onlyKeys(m, ['type', 'duration'], at);
      const duration = readDuration(r, m, 'duration', at);
      return duration ? { type, duration } : undefined;
    }
  }
}

function readScoreMeasure(r: Reader, o: Json, path: JsonPath): ScoreMeasure | undefined {
  const value = r.field(o, 'measure', path);
  if (value === undefined) return undefined;
  const at = [...path, 'measure'];
  const m = r.object(value, at, '"measure"');
  if (!m) return undefined;
  const type = r.oneOf(m, 'type', at, ['current', 'hasScore', 'change'] as const);
  switch (type) {
    case undefined:
      return undefined;
    case 'hasScore':
      r.onlyKeys(m, ['type'], at);
      return { type };
    case 'current': {
      r.onlyKeys(m, ['type', 'compare'], at);
      const compare = readComparison(r, m, 'compare', at);
      return compare ? { type, compare } : undefined;
    }
    case 'change': {
      r.onlyKeys(m, ['type', 'duration', 'compare'], at);
      const duration = readDuration(r, m, 'duration', at);
      const compare = readComparison(r, m, 'compare', at);
      return duration && compare ? { type, duration, compare } : undefined;
    }
  }
}
