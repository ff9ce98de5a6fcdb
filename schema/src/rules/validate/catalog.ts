import { assertUnreachable } from '../../assert-unreachable';
import type { FilterNode, RuleNode, ValueType } from '../rule.types';
import type { RuleProblem } from './problems';
import { own, type JsonPath } from './reader';

/** What a workspace is known to hold, from the data catalog (the server keeps it up to date). */
export interface RuleCatalog {
  /** Profile paths (`traits.country`, `email`, `createdAt`) and their types. */
  readonly traits?: Readonly<Record<string, ValueType>>;
  /** Event names, each with its property paths and their types. */
  readonly events?: Readonly<
    Record<string, { readonly properties: Readonly<Record<string, ValueType>> }>
  >;
  /** Segment ids, each with the ids of the segments its own rule references. */
  readonly segments?: Readonly<
    Record<string, { readonly name?: string; readonly references: readonly string[] }>
  >;
  /** Lead-score model ids. */
  readonly scoreModels?: readonly string[];
}

const at = (node: { id?: string }, path: JsonPath) =>
  node.id === undefined ? { path } : { path, nodeId: node.id };

/** Checks names and types against the catalog, and segment references for cycles through `segmentId`. */
export function checkCatalog(
  root: RuleNode,
  catalog: RuleCatalog,
  segmentId: string | undefined,
): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const visit = (n: RuleNode, path: JsonPath): void => {
    switch (n.kind) {
      case 'all':
      case 'any':
        n.children.forEach((c, i) => visit(c, [...path, 'children', i]));
        return;
      case 'not':
        visit(n.child, [...path, 'child']);
        return;
      case 'trait': {
        const known =
          own(catalog.traits, n.path) ??
          (n.path === 'email' ? 'string' : n.path === 'createdAt' ? 'date' : undefined);
        if (catalog.traits && known === undefined) {
          problems.push({
            code: 'RULE_UNKNOWN_TRAIT',
            message: `No customer in this workspace has "${n.path}"${suggest(n.path, Object.keys(catalog.traits))}.`,
            ...at(n, [...path, 'path']),
          });
        } else if (
          known !== undefined &&
          known !== n.type &&
          !['exists', 'notExists', 'isEmpty'].includes(n.op)
        ) {
          problems.push({
            code: 'RULE_TYPE_MISMATCH',
            message: `"${n.path}" holds ${article(known)} in this workspace, not ${article(n.type)}; set "type": "${known}".`,
            ...at(n, [...path, 'type']),
          });
        }
        return;
      }
      case 'event': {
        const event = own(catalog.events, n.event);
        if (catalog.events && !event) {
          problems.push({
            code: 'RULE_UNKNOWN_EVENT',
            message: `No event "${n.event}" has been received in this workspace${suggest(n.event, Object.keys(catalog.events))}.`,
            ...at(n, [...path, 'event']),
          });
          return;
        }
        if (!event) return;
        if (n.where) visitFilter(n.where, [...path, 'where'], n.event, event.properties);
        const m = n.measure;
        if (m.type === 'sum' || m.type === 'avg' || m.type === 'min' || m.type === 'max') {
          const type = own(event.properties, m.property);
          if (type === undefined) {
            problems.push({
              code: 'RULE_UNKNOWN_PROPERTY',
              message: `Event "${n.event}" has no property "${m.property}"${suggest(m.property, Object.keys(event.properties))}.`,
              ...at(n, [...path, 'measure', 'property']),
            });
          } else if (type !== 'number') {
            problems.push({
              code: 'RULE_TYPE_MISMATCH',
              message: `"${m.property}" of "${n.event}" holds ${article(type)}; ${m.type} needs a number property.`,
              ...at(n, [...path, 'measure', 'property']),
            });
          }
        }
        return;
      }
      case 'score':
        if (catalog.scoreModels && !catalog.scoreModels.includes(n.model)) {
          problems.push({
            code: 'RULE_UNKNOWN_SCORE_MODEL',
            message: `No lead-score model "${n.model}" exists${suggest(n.model, catalog.scoreModels)}.`,
            ...at(n, [...path, 'model']),
          });
        }
        return;
      case 'segment': {
        if (catalog.segments && !own(catalog.segments, n.segmentId) && n.segmentId !== segmentId) {
          problems.push({
            code: 'RULE_UNKNOWN_SEGMENT',
            message: `No segment with id "${n.segmentId}" exists in this workspace.`,
            ...at(n, [...path, 'segmentId']),
          });
          return;
        }
        const cycle =
          segmentId === undefined ? undefined : findCycle(n.segmentId, segmentId, catalog);
        if (cycle) {
          const names = [segmentId!, ...cycle].map(
            (id) => `"${own(catalog.segments, id)?.name ?? id}"`,
          );
          problems.push({
            code: 'RULE_SEGMENT_CYCLE',
            message: `Segments would reference each other in a cycle: ${names.join(' → ')}. Remove one of these references.`,
            ...at(n, [...path, 'segmentId']),
          });
        }
        return;
      }
      case 'consent':
      case 'randomBucket':
        return;
      default:
        assertUnreachable(n);
    }
  };
  const visitFilter = (
    f: FilterNode,
    path: JsonPath,
    event: string,
    properties: Readonly<Record<string, ValueType>>,
  ): void => {
    switch (f.kind) {
      case 'all':
      case 'any':
        f.children.forEach((c, i) => visitFilter(c, [...path, 'children', i], event, properties));
        return;
      case 'not':
        visitFilter(f.child, [...path, 'child'], event, properties);
        return;
      case 'property': {
        const type = own(properties, f.path);
        if (type === undefined) {
          problems.push({
            code: 'RULE_UNKNOWN_PROPERTY',
            message: `Event "${event}" has no property "${f.path}"${suggest(f.path, Object.keys(properties))}.`,
            ...at(f, [...path, 'path']),
          });
        } else if (type !== f.type && !['exists', 'notExists', 'isEmpty'].includes(f.op)) {
          problems.push({
            code: 'RULE_TYPE_MISMATCH',
            message: `"${f.path}" of "${event}" holds ${article(type)}, not ${article(f.type)}; set "type": "${type}".`,
            ...at(f, [...path, 'type']),
          });
        }
        return;
      }
      default:
        assertUnreachable(f);
    }
  };
  visit(root, ['root']);
  return problems;
}

/** The chain of segment ids from `start` back to `target` through catalog references, if any. */
function findCycle(start: string, target: string, catalog: RuleCatalog): string[] | undefined {
  const seen = new Set<string>();
  const walk = (id: string, chain: string[]): string[] | undefined => {
    if (id === target) return chain;
    if (seen.has(id)) return undefined;
    seen.add(id);
    for (const next of own(catalog.segments, id)?.references ?? []) {
      const found = walk(next, [...chain, next]);
      if (found) return found;
    }
    return undefined;
  };
  return walk(start, [start]);
}

const article = (type: ValueType) => (type === 'stringList' ? 'a list of strings' : `a ${type}`);

/** ' (did you mean "x"?)' for the closest known name within a small edit distance. */
function suggest(name: string, known: readonly string[]): string {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 4)) + 1;
  for (const candidate of known) {
    const d = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best === undefined ? '' : ` (did you mean "${best}"?)`;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(
        prev[j]! + 1,
        row[j - 1]! + 1,
        prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    prev = row;
  }
  return prev[b.length]!;
}
