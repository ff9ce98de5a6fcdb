import type { JourneyGraph, JourneyNode } from './journey.types';

const stable = (value: unknown): string =>
  JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );

/** A node without what only the editor cares about (label and position). */
const behaviour = ({ position: _p, label: _l, ...rest }: JourneyNode) => stable(rest);
const named = (n: JourneyNode) => (n.label ? `"${n.label}"` : `${n.kind} "${n.id}"`);

/**
 * What changed from one version of a journey to the next, in sentences a marketer reads before
 * publishing: steps added, removed or changed, connections, settings. Moving or renaming a step
 * on the canvas is not a change of behaviour and is listed only as a rename.
 *
 * @example
 * describeChanges(v1.graph, draft) // ['Added action "Reminder SMS".', 'Changed wait "Wait 3 days".']
 */
export function describeChanges(before: JourneyGraph | undefined, after: JourneyGraph): string[] {
  if (!before) return ['First version.'];
  const changes: string[] = [];
  const old = new Map(before.nodes.map((n) => [n.id, n]));
  const now = new Map(after.nodes.map((n) => [n.id, n]));
  for (const n of after.nodes) {
    const was = old.get(n.id);
    if (!was) changes.push(`Added ${named(n)}.`);
    else if (behaviour(was) !== behaviour(n)) changes.push(`Changed ${named(n)}.`);
    else if ((was.label ?? '') !== (n.label ?? ''))
      changes.push(`Renamed ${named(was)} to ${named(n)}.`);
  }
  for (const n of before.nodes) if (!now.has(n.id)) changes.push(`Removed ${named(n)}.`);
  const edge = (e: JourneyGraph['edges'][number]) => `${e.source}:${e.sourceHandle}→${e.target}`;
  const oldEdges = new Set(before.edges.map(edge));
  const newEdges = new Set(after.edges.map(edge));
  const added = [...newEdges].filter((e) => !oldEdges.has(e)).length;
  const removed = [...oldEdges].filter((e) => !newEdges.has(e)).length;
  if (added || removed)
    changes.push(`Rewired ${added} connection${added === 1 ? '' : 's'} added, ${removed} removed.`);
  if (stable(before.settings) !== stable(after.settings))
    changes.push('Changed the journey settings.');
  return changes.length ? changes : ['No change in behaviour.'];
}
