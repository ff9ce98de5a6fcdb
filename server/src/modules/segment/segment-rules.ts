import { ruleDependencies, validateRule, type RuleDocument, type RuleProblem } from '@cairn/schema';
import { Segment } from '../../db/entities';
import type { Em } from '../../db/orm';
import { loadRuleCatalog } from '../catalog/rule-catalog';
import { readTogether } from '../../db/read-together';

export type CheckedRule =
  | { readonly ok: true; readonly rule: RuleDocument; readonly warnings: readonly RuleProblem[] }
  | { readonly ok: false; readonly problems: readonly RuleProblem[] };

const SEGMENT_CODES = new Set<string>(['RULE_UNKNOWN_SEGMENT', 'RULE_SEGMENT_CYCLE']);

/**
 * Validates a segment's rule for saving or previewing. The structure, references to segments that
 * do not exist, and reference cycles (named) block; traits and events the workspace has not seen
 * yet are warnings only, since a marketer may build the audience before the data arrives.
 */
export async function checkSegmentRule(
  em: Em,
  json: unknown,
  segmentId?: string,
): Promise<CheckedRule> {
  const [segments, observed] = await readTogether(em, [
    () => em.find(Segment, { archivedAt: null }, { fields: ['name', 'rule'] }),
    () => loadRuleCatalog(em),
  ]);
  const catalog = {
    segments: Object.fromEntries(
      segments.map((s) => [
        s.id,
        { name: s.name, references: ruleDependencies(s.rule).segmentIds },
      ]),
    ),
  };
  const strict = validateRule(json, { catalog, ...(segmentId ? { segmentId } : {}) });
  if (!strict.ok) return strict;
  const loose = validateRule(json, {
    catalog: { ...observed, ...catalog },
    ...(segmentId ? { segmentId } : {}),
  });
  const warnings = loose.ok ? [] : loose.problems.filter((p) => !SEGMENT_CODES.has(p.code));
  return { ok: true, rule: strict.rule, warnings };
}
