import {
  compileRule,
  ruleDependencies,
  type CompiledRule,
  type RuleDependencies,
} from '@cairn/schema';
import { Segment } from '../../../db/entities';
import type { Em } from '../../../db/orm';

/** An active segment ready to evaluate: its compiled rule and what the rule reads. */
export interface LiveSegment {
  readonly segment: Segment;
  readonly compiled: CompiledRule;
  readonly deps: RuleDependencies;
}

/** Compiled rules by segment id and version (a save makes a new version, so entries never go stale). */
const compiledCache = new Map<string, { compiled: CompiledRule; deps: RuleDependencies }>();
const CACHE_LIMIT = 5_000;

function live(segment: Segment): LiveSegment {
  const key = `${segment.id}@${segment.version}`;
  let entry = compiledCache.get(key);
  if (!entry) {
    entry = { compiled: compileRule(segment.rule), deps: ruleDependencies(segment.rule) };
    if (compiledCache.size >= CACHE_LIMIT) compiledCache.clear();
    compiledCache.set(key, entry);
  }
  return { segment, ...entry };
}

/**
 * The workspace's active segments in evaluation order: every segment after the segments its rule
 * reads (references are acyclic: the validator refuses cycles).
 */
export async function activeSegments(em: Em): Promise<LiveSegment[]> {
  const segments = await em.find(Segment, { archivedAt: null }, { orderBy: { id: 'asc' } });
  const byId = new Map(segments.map((s) => [s.id, live(s)]));
  const ordered: LiveSegment[] = [];
  const placed = new Set<string>();
  const place = (s: LiveSegment): void => {
    if (placed.has(s.segment.id)) return;
    placed.add(s.segment.id);
    for (const ref of s.deps.segmentIds) {
      const target = byId.get(ref);
      if (target) place(target);
    }
    ordered.push(s);
  };
  for (const s of byId.values()) place(s);
  return ordered;
}
