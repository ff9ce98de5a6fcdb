import { ruleDependencies, type RuleProblem } from '@cairn/schema';
import { Segment, type ScoreRuleSpec } from '../../db/entities';
import type { Em } from '../../db/orm';
import { CairnError } from '../../errors/cairn-error';
import { checkSegmentRule } from '../segment/segment-rules';
import type { ScoringModelInput } from './scoring.input';

const KEY = /^[a-z0-9][a-z0-9_.-]{0,99}$/;
const MAX_RULES = 100;

/** A rule problem with the index of the score rule it is in (the resolver prefixes the path). */
export interface LocatedRuleProblem {
  readonly index: number;
  readonly problem: RuleProblem;
}

export interface CheckedModel {
  readonly key: string;
  readonly name: string;
  readonly segmentId: string | null;
  readonly rules: ScoreRuleSpec[];
  readonly halfLifeDays: number | null;
  readonly mqlThreshold: number | null;
  readonly problems: readonly LocatedRuleProblem[];
  readonly warnings: readonly LocatedRuleProblem[];
}

function positive(value: number | null | undefined, field: string): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isFinite(value) || value <= 0)
    throw CairnError.badInput(['input', field], 'must be a positive number, or null for none.');
  return value;
}

/**
 * Checks a model's fields (throwing `BAD_USER_INPUT` at the first bad scalar field) and every
 * rule with `validateRule` (collecting every problem, each with its rule's index). A rule may not
 * read the model's own score: that would feed the score back into itself.
 */
export async function checkScoringModel(em: Em, input: ScoringModelInput): Promise<CheckedModel> {
  const key = input.key.trim();
  if (!KEY.test(key))
    throw CairnError.badInput(
      ['input', 'key'],
      'use 1 to 100 lower case letters, digits, "_", "-" or ".", starting with a letter or digit (e.g. "lead").',
    );
  const name = input.name.trim();
  if (name.length === 0 || name.length > 200)
    throw CairnError.badInput(['input', 'name'], 'must have 1 to 200 characters.');
  const segmentId = input.segmentId ?? null;
  if (segmentId !== null && !(await em.findOne(Segment, { id: segmentId, archivedAt: null })))
    throw CairnError.badInput(
      ['input', 'segmentId'],
      `no active segment has id "${segmentId}"; pick one from segments.`,
    );
  if (input.rules.length === 0 || input.rules.length > MAX_RULES)
    throw CairnError.badInput(['input', 'rules'], `give 1 to ${MAX_RULES} rules.`);
  const seen = new Set<string>();
  const problems: LocatedRuleProblem[] = [];
  const warnings: LocatedRuleProblem[] = [];
  const rules: ScoreRuleSpec[] = [];
  for (const [index, r] of input.rules.entries()) {
    const at = (field: string) => ['input', 'rules', index, field];
    const id = r.id.trim();
    if (id.length === 0 || id.length > 100 || seen.has(id))
      throw CairnError.badInput(
        at('id'),
        'must be 1 to 100 characters and unique within the model.',
      );
    seen.add(id);
    if (r.kind !== 'behavior' && r.kind !== 'fit')
      throw CairnError.badInput(at('kind'), 'must be "behavior" or "fit".');
    if (!Number.isFinite(r.points))
      throw CairnError.badInput(at('points'), 'must be a finite number.');
    const checked = await checkSegmentRule(em, r.rule);
    if (!checked.ok) {
      problems.push(...checked.problems.map((problem) => ({ index, problem })));
      continue;
    }
    warnings.push(...checked.warnings.map((problem) => ({ index, problem })));
    if (ruleDependencies(checked.rule).scoreModels.includes(key)) {
      problems.push({
        index,
        problem: {
          code: 'RULE_BAD_VALUE',
          message: `A rule of model "${key}" cannot read the score "${key}" itself; read another model's score.`,
          path: ['root'],
        },
      });
      continue;
    }
    rules.push({ id, label: r.label.trim(), kind: r.kind, points: r.points, rule: checked.rule });
  }
  return {
    key,
    name,
    segmentId,
    rules,
    halfLifeDays: positive(input.halfLifeDays, 'halfLifeDays'),
    mqlThreshold: input.mqlThreshold ?? null,
    problems,
    warnings,
  };
}
