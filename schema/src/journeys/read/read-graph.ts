import { readDuration } from '../../rules/validate/read-predicate';
import { Reader, describe, type Json, type JsonPath } from '../../rules/validate/reader';
import { JOURNEY_LIMITS, type JourneyProblem } from '../compile/problems';
import {
  DEFAULT_JOURNEY_SETTINGS,
  JOURNEY_GRAPH_VERSION,
  REENTRY_POLICIES,
  type JourneyEdge,
  type JourneyGraph,
  type JourneyNode,
  type JourneySettings,
} from '../journey.types';
import { TIME_OF_DAY } from '../local-time';
import { readJourneyNode } from './read-node';
import { fromRuleProblem } from './reader-problems';

/**
 * Reads untrusted JSON as a journey graph. Never throws. Nodes that cannot be read are left out
 * of `graph` and their problems reported, so the graph checks still run on the rest (the editor
 * sees every problem at once).
 */
export function readJourneyGraph(json: unknown): {
  graph: JourneyGraph | undefined;
  problems: JourneyProblem[];
  /** Nodes with an id and a kind but problems inside: kept out of `graph`, known to the graph checks. */
  broken: Map<string, JourneyNode['kind']>;
  /** The JSON path of each node and edge by id (the first one with that id). */
  nodePaths: Map<string, JsonPath>;
  edgePaths: Map<string, JsonPath>;
} {
  const broken = new Map<string, JourneyNode['kind']>();
  const nodePaths = new Map<string, JsonPath>();
  const edgePaths = new Map<string, JsonPath>();
  const r = new Reader();
  const problems: JourneyProblem[] = [];
  const flush = () => {
    problems.push(...r.problems.map((p) => fromRuleProblem(p, undefined, { structural: true })));
    r.problems.length = 0;
  };
  const doc = r.object(json, [], 'A journey graph');
  if (!doc) {
    flush();
    return { graph: undefined, problems, broken, nodePaths, edgePaths };
  }
  r.onlyKeys(doc, ['version', 'nodes', 'edges', 'settings'], []);
  if (doc['version'] !== JOURNEY_GRAPH_VERSION) {
    problems.push({
      code: doc['version'] === undefined ? 'JOURNEY_MISSING_FIELD' : 'JOURNEY_UNSUPPORTED_VERSION',
      severity: 'error',
      message: `"version" must be ${JOURNEY_GRAPH_VERSION} (got ${doc['version'] === undefined ? 'nothing' : describe(doc['version'])}).`,
      path: ['version'],
    });
  }
  const nodesJson = list(r, doc, 'nodes', JOURNEY_LIMITS.maxNodes, problems);
  const edgesJson = list(r, doc, 'edges', JOURNEY_LIMITS.maxEdges, problems);
  const settings = readSettings(r, doc);
  flush();

  const nodes: JourneyNode[] = [];
  const ids = new Set<string>();
  nodesJson.forEach((value, i) => {
    const rawId = (value as { id?: unknown } | null)?.id;
    if (typeof rawId === 'string' && !nodePaths.has(rawId)) nodePaths.set(rawId, ['nodes', i]);
    const { node, id, kind, problems: found } = readJourneyNode(value, ['nodes', i]);
    problems.push(...found);
    if (!node) {
      if (id !== undefined && kind !== undefined && !ids.has(id)) {
        ids.add(id);
        broken.set(id, kind);
      }
      return;
    }
    if (ids.has(node.id)) {
      problems.push({
        code: 'JOURNEY_DUPLICATE_ID',
        severity: 'error',
        message: `Another node has the id "${node.id}"; give every node its own id.`,
        path: ['nodes', i, 'id'],
        nodeId: node.id,
      });
      return;
    }
    ids.add(node.id);
    nodes.push(node);
  });

  const edges: JourneyEdge[] = [];
  const edgeIds = new Set<string>();
  edgesJson.forEach((value, i) => {
    const path = ['edges', i];
    const e = r.object(value, path, 'An edge');
    if (e && typeof e['id'] === 'string' && !edgePaths.has(e['id'])) edgePaths.set(e['id'], path);
    if (e) {
      r.onlyKeys(e, ['id', 'source', 'sourceHandle', 'target'], path);
      const id = r.string(e, 'id', path, { max: JOURNEY_LIMITS.maxIdLength });
      const source = r.string(e, 'source', path, { max: JOURNEY_LIMITS.maxIdLength });
      const sourceHandle = r.string(e, 'sourceHandle', path, { max: 40 });
      const target = r.string(e, 'target', path, { max: JOURNEY_LIMITS.maxIdLength });
      if (id !== undefined && edgeIds.has(id)) {
        problems.push({
          code: 'JOURNEY_DUPLICATE_ID',
          severity: 'error',
          message: `Another edge has the id "${id}"; give every edge its own id.`,
          path: [...path, 'id'],
          edgeId: id,
        });
      } else if (id !== undefined && source && sourceHandle && target) {
        edgeIds.add(id);
        edges.push({ id, source, sourceHandle, target });
      }
    }
    flush();
  });

  const version = JOURNEY_GRAPH_VERSION;
  return {
    graph: settings ? { version, nodes, edges, settings } : undefined,
    problems,
    broken,
    nodePaths,
    edgePaths,
  };
}

function list(
  r: Reader,
  doc: Json,
  key: string,
  max: number,
  problems: JourneyProblem[],
): unknown[] {
  const value = r.field(doc, key, []);
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    r.report('RULE_WRONG_TYPE', [key], `"${key}" must be a list, got ${describe(value)}.`);
    return [];
  }
  if (value.length > max) {
    problems.push({
      code: 'JOURNEY_TOO_LARGE',
      severity: 'error',
      message: `A journey has at most ${max} ${key}; split it into journeys that hand over through segments or events.`,
      path: [key],
    });
    return value.slice(0, max);
  }
  return value;
}

function readSettings(r: Reader, doc: Json): JourneySettings | undefined {
  if (!Object.prototype.hasOwnProperty.call(doc, 'settings')) return DEFAULT_JOURNEY_SETTINGS;
  const path = ['settings'];
  const o = r.object(doc['settings'], path, '"settings"');
  if (!o) return undefined;
  const before = r.problems.length;
  r.onlyKeys(o, ['reentry', 'maxEntries', 'exitOnGoal', 'frequencyCap', 'quietHours'], path);
  const reentry = r.oneOf(o, 'reentry', path, REENTRY_POLICIES);
  const exitOnGoal = o['exitOnGoal'] ?? DEFAULT_JOURNEY_SETTINGS.exitOnGoal;
  if (typeof exitOnGoal !== 'boolean')
    r.report('RULE_WRONG_TYPE', [...path, 'exitOnGoal'], '"exitOnGoal" must be true or false.');
  const maxEntries =
    o['maxEntries'] == null
      ? undefined
      : r.number(o, 'maxEntries', path, { integer: true, min: 1, max: 1_000_000 });
  let frequencyCap: JourneySettings['frequencyCap'];
  if (o['frequencyCap'] != null) {
    const capPath = [...path, 'frequencyCap'];
    const cap = r.object(o['frequencyCap'], capPath, '"frequencyCap"');
    if (cap) {
      r.onlyKeys(cap, ['max', 'per'], capPath);
      const max = r.number(cap, 'max', capPath, { integer: true, min: 1, max: 10_000 });
      const per = readDuration(r, cap, 'per', capPath);
      if (max !== undefined && per) frequencyCap = { max, per };
    }
  }
  let quietHours: JourneySettings['quietHours'];
  if (o['quietHours'] != null) {
    const qPath = [...path, 'quietHours'];
    const q = r.object(o['quietHours'], qPath, '"quietHours"');
    if (q) {
      r.onlyKeys(q, ['start', 'end'], qPath);
      const start = r.string(q, 'start', qPath);
      const end = r.string(q, 'end', qPath);
      for (const [key, value] of [
        ['start', start],
        ['end', end],
      ] as const)
        if (value !== undefined && !TIME_OF_DAY.test(value))
          r.report(
            'RULE_BAD_VALUE',
            [...qPath, key],
            `"${key}" must be a time "HH:MM" (00:00–23:59).`,
          );
      if (start && end && start === end)
        r.report('RULE_BAD_VALUE', qPath, 'Quiet hours must start and end at different times.');
      if (start && end && TIME_OF_DAY.test(start) && TIME_OF_DAY.test(end) && start !== end)
        quietHours = { start, end };
    }
  }
  if (r.problems.length > before || !reentry || typeof exitOnGoal !== 'boolean') return undefined;
  return {
    reentry,
    exitOnGoal,
    ...(maxEntries === undefined ? {} : { maxEntries }),
    ...(frequencyCap ? { frequencyCap } : {}),
    ...(quietHours ? { quietHours } : {}),
  };
}
