import { affectedBy, type CustomerFacts, type DataChange } from '@cairn/schema';
import { ScoreEntry, ScoringRecheck, type Workspace } from '../../db/entities';
import { chunks } from '../../db/chunks';
import { newId } from '../../db/ids';
import type { Em } from '../../db/orm';
import { loadCustomerFacts } from '../../rules/customer-facts';
import { activeModels, type LiveModel } from './active-models';
import { becameMql, nextScoreChange, scoreAt } from './score-value';

/** Per customer: what changed in the batch, or "all". */
export type ScoreChanges = ReadonlyMap<string, readonly DataChange[] | 'all'>;

/** A score that changed: written to `score_entries` at `at`. */
export interface ScoreMove {
  readonly model: LiveModel;
  readonly customerId: string;
  readonly at: Date;
  readonly before: number;
  readonly after: number;
}

/** The value of a model's history at or before `t` (0 with no history). */
export function storedScoreAt(facts: CustomerFacts, model: string, t: number): number {
  let value = 0;
  for (const h of facts.scores?.[model]?.history ?? []) if (h.at <= t) value = h.value;
  return value;
}

/**
 * Re-scores the changed customers under every active model whose rules read what changed (a
 * model scoped to a segment also re-scores on any change, since membership may have moved),
 * at `at`, and writes a history entry where the value differs. Each evaluated customer gets the
 * next instant their score changes with the clock (`scoring_rechecks`). Returns the moves.
 * `only` restricts it to one model (the clock re-score).
 */
export async function rescore(
  em: Em,
  workspace: Workspace,
  changed: ScoreChanges,
  at: Date,
  only?: string,
): Promise<ScoreMove[]> {
  if (changed.size === 0) return [];
  const work: Array<{ model: LiveModel; customers: string[] }> = [];
  for (const model of await activeModels(em)) {
    if (only !== undefined && model.model.id !== only) continue;
    const customers = [...changed]
      .filter(
        ([, changes]) =>
          changes === 'all' ||
          model.plan.segmentId !== null ||
          changes.some((c) => affectedBy(model.deps, c)),
      )
      .map(([id]) => id);
    if (customers.length > 0) work.push({ model, customers });
  }
  if (work.length === 0) return [];
  const ids = [...new Set(work.flatMap((w) => w.customers))];
  const facts = await loadCustomerFacts(em.fork({ keepTransactionContext: true }), ids);
  const t = at.getTime();
  const moves: ScoreMove[] = [];
  for (const { model, customers } of work) {
    const next: Array<{ customerId: string; due: number | null }> = [];
    for (const customerId of customers) {
      const f = facts.get(customerId);
      if (!f) continue;
      const before = storedScoreAt(f, model.plan.key, t);
      const after = scoreAt(model.plan, f, t).value;
      if (after !== before) moves.push({ model, customerId, at, before, after });
      next.push({ customerId, due: nextScoreChange(model.plan, f, t) });
    }
    await writeRechecks(em, workspace.id, model.model.id, next);
  }
  for (const chunk of chunks(moves)) {
    await em.insertMany(
      ScoreEntry,
      chunk.map((m) => ({
        id: newId(),
        workspace: workspace.id,
        customer: m.customerId,
        model: m.model.plan.key,
        at: m.at,
        value: m.after,
      })),
    );
  }
  return moves;
}

/** The moves that cross their model's MQL threshold upwards. */
export function mqlMoves(moves: readonly ScoreMove[]): ScoreMove[] {
  return moves.filter((m) => becameMql(m.model.plan, m.before, m.after));
}

async function writeRechecks(
  em: Em,
  workspaceId: string,
  modelId: string,
  next: ReadonlyArray<{ readonly customerId: string; readonly due: number | null }>,
): Promise<void> {
  for (const chunk of chunks(next)) {
    await em.nativeDelete(ScoringRecheck, {
      modelId,
      customer: { $in: chunk.map((n) => n.customerId) },
    });
    const rows = chunk
      .filter((n) => n.due !== null)
      .map((n) => ({
        id: newId(),
        workspace: workspaceId,
        modelId,
        customer: n.customerId,
        dueAt: new Date(n.due!),
      }));
    if (rows.length > 0) await em.insertMany(ScoringRecheck, rows);
  }
}
