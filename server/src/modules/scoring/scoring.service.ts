import {
  Customer,
  LeadNotification,
  ScoreEntry,
  ScoringModel,
  ScoringRecheck,
  type Workspace,
} from '../../db/entities';
import { chunks } from '../../db/chunks';
import type { Em } from '../../db/orm';
import { CairnError } from '../../errors/cairn-error';
import { acceptLead } from './sales-acceptance';
import { applyScoreMoves } from './score-effects';
import { rescore } from './score-updater';
import type { ScoringModelInput } from './scoring.input';
import { checkScoringModel, type LocatedRuleProblem } from './scoring-validation';
import { readTogether } from '../../db/read-together';
import { writeTransaction } from '../../db/write-transaction';

export type ScoringSaveOutcome =
  | {
      readonly ok: true;
      readonly model: ScoringModel;
      readonly warnings: readonly LocatedRuleProblem[];
    }
  | { readonly ok: false; readonly problems: readonly LocatedRuleProblem[] };

/** Customers re-scored per statement group when a model is saved. */
const RESCORE_CHUNK = 500;

/** Lead-scoring models of one workspace: saving (versions), archiving, and score history reads. */
export class ScoringService {
  constructor(
    private readonly em: Em,
    private readonly workspace: Workspace,
    private readonly now: () => Date = () => new Date(),
  ) {}

  list(includeArchived: boolean): Promise<ScoringModel[]> {
    return this.em.find(ScoringModel, includeArchived ? {} : { archivedAt: null }, {
      orderBy: { name: 'asc', id: 'asc' },
    });
  }

  get(id: string): Promise<ScoringModel | null> {
    return this.em.findOne(ScoringModel, { id });
  }

  /**
   * Saves a model (a new one, or a new version of `id`) and scores every customer under it now;
   * the history written before stays. The key cannot change (rules and history use it).
   */
  async save(id: string | undefined, input: ScoringModelInput): Promise<ScoringSaveOutcome> {
    return writeTransaction(this.em, async (em) => {
      const checked = await checkScoringModel(em, input);
      const existing =
        id === undefined ? undefined : await em.findOne(ScoringModel, { id, archivedAt: null });
      if (id !== undefined && !existing) throw CairnError.notFound('active scoring model', id);
      if (existing && existing.key !== checked.key)
        throw CairnError.badInput(
          ['input', 'key'],
          `is "${existing.key}" and cannot change; create a new model instead.`,
        );
      const clash = await em.findOne(ScoringModel, {
        key: checked.key,
        ...(id ? { id: { $ne: id } } : {}),
      });
      if (clash)
        throw new CairnError(
          'CONFLICT',
          `input.key: a scoring model already uses the key "${checked.key}"; pick another.`,
          ['input', 'key'],
        );
      if (checked.problems.length > 0) return { ok: false, problems: checked.problems };
      const fields = {
        name: checked.name,
        segmentId: checked.segmentId,
        rules: checked.rules,
        halfLifeDays: checked.halfLifeDays,
        mqlThreshold: checked.mqlThreshold,
      };
      const model = existing
        ? Object.assign(existing, { ...fields, version: existing.version + 1 })
        : em.create(ScoringModel, { workspace: this.workspace, key: checked.key, ...fields });
      await em.flush();
      await this.scoreEveryone(em, model);
      return { ok: true, model, warnings: checked.warnings };
    });
  }

  /** Archives a model: it stops scoring; its history stays for rules and reports. */
  async archive(id: string): Promise<ScoringModel> {
    return writeTransaction(this.em, async (em) => {
      const model = await em.findOne(ScoringModel, { id, archivedAt: null });
      if (!model) throw CairnError.notFound('active scoring model', id);
      model.archivedAt = this.now();
      await em.nativeDelete(ScoringRecheck, { modelId: id });
      return model;
    });
  }

  /** A customer's history under a model, oldest first, within [from, to) when given. */
  history(
    customerId: string,
    model: string,
    from?: Date | null,
    to?: Date | null,
  ): Promise<ScoreEntry[]> {
    const at = { ...(from ? { $gte: from } : {}), ...(to ? { $lt: to } : {}) };
    return this.em.find(
      ScoreEntry,
      { customer: customerId, model, ...(from || to ? { at } : {}) },
      { orderBy: { at: 'asc', id: 'asc' } },
    );
  }

  /** The stored score at instant `t` (the last entry at or before it; 0 before the first). */
  async valueAt(customerId: string, model: string, t: Date): Promise<number> {
    const last = await this.em.findOne(
      ScoreEntry,
      { customer: customerId, model, at: { $lte: t } },
      { orderBy: { at: 'desc', id: 'desc' } },
    );
    return last?.value ?? 0;
  }

  /** The score at `from`, at `to`, and the change between them. */
  async change(customerId: string, model: string, from: Date, to: Date) {
    if (!(to >= from)) throw CairnError.badInput(['to'], 'must not be before `from`.');
    const [a, b] = await readTogether(this.em, [
      () => this.valueAt(customerId, model, from),
      () => this.valueAt(customerId, model, to),
    ]);
    return { from: a, to: b, change: b - a };
  }

  notifications(includeAcknowledged: boolean): Promise<LeadNotification[]> {
    return this.em.find(LeadNotification, includeAcknowledged ? {} : { acknowledgedAt: null }, {
      orderBy: { at: 'desc', id: 'desc' },
      limit: 500,
    });
  }

  async acknowledge(id: string): Promise<LeadNotification> {
    const n = await this.em.findOne(LeadNotification, { id });
    if (!n) throw CairnError.notFound('lead notification', id);
    n.acknowledgedAt ??= this.now();
    await this.em.flush();
    return n;
  }

  /** Sales accepts the lead as sales-qualified (a `Lead Became SQL` event); see `acceptLead`. */
  accept(id: string): Promise<LeadNotification> {
    return acceptLead(this.em, this.workspace, id, this.now());
  }

  private async scoreEveryone(em: Em, model: ScoringModel): Promise<void> {
    const now = this.now();
    const ids = (await em.find(Customer, {}, { fields: ['id'], orderBy: { id: 'asc' } })).map(
      (c) => c.id,
    );
    for (const chunk of chunks(ids, RESCORE_CHUNK)) {
      const moves = await rescore(
        em,
        this.workspace,
        new Map(chunk.map((c) => [c, 'all' as const])),
        now,
        model.id,
      );
      await applyScoreMoves(em, this.workspace, moves, 'data');
    }
  }
}
