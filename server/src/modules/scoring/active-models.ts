import { ruleDependencies, type RuleDependencies } from '@cairn/schema';
import { ScoringModel } from '../../db/entities';
import type { Em } from '../../db/orm';
import { scoringPlan, type ScoringPlan } from './score-value';

/** An active model ready to score: its plan and what its rules read together. */
export interface LiveModel {
  readonly model: ScoringModel;
  readonly plan: ScoringPlan;
  /** The union of its rules' dependencies (only `affectedBy` reads it). */
  readonly deps: RuleDependencies;
}

/** Plans by model id and version (a save makes a new version, so entries never go stale). */
const cache = new Map<string, { plan: ScoringPlan; deps: RuleDependencies }>();
const CACHE_LIMIT = 2_000;

function unionDeps(list: readonly RuleDependencies[]): RuleDependencies {
  const merge = <K extends keyof RuleDependencies>(k: K) =>
    [...new Set(list.flatMap((d) => d[k] as readonly string[]))].sort();
  return {
    eventNames: merge('eventNames'),
    filteredEventNames: merge('filteredEventNames'),
    traitPaths: merge('traitPaths'),
    profileFields: merge('profileFields') as RuleDependencies['profileFields'],
    scoreModels: merge('scoreModels'),
    consentChannels: merge('consentChannels') as RuleDependencies['consentChannels'],
    segmentIds: merge('segmentIds'),
    usesRandomBucket: list.some((d) => d.usesRandomBucket),
    timeDependent: list.some((d) => d.timeDependent),
    usesTimeZone: list.some((d) => d.usesTimeZone),
  };
}

/** The live plan of a model, compiled once per version. */
export function liveModel(model: ScoringModel): LiveModel {
  const key = `${model.id}@${model.version}`;
  let entry = cache.get(key);
  if (!entry) {
    const deps = unionDeps(model.rules.map((r) => ruleDependencies(r.rule)));
    entry = {
      plan: scoringPlan(model),
      deps: model.segmentId ? { ...deps, segmentIds: [...deps.segmentIds, model.segmentId] } : deps,
    };
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, entry);
  }
  return { model, ...entry };
}

/** The workspace's active models, oldest first. */
export async function activeModels(em: Em): Promise<LiveModel[]> {
  const models = await em.find(
    ScoringModel,
    { archivedAt: null },
    { orderBy: { createdAt: 'asc', id: 'asc' } },
  );
  return models.map(liveModel);
}
