import { ruleDependencies, type RuleProblem } from '@cairn/schema';
import {
  Segment,
  SegmentMembership,
  SegmentRecheck,
  SegmentVersion,
  type Workspace,
} from '../../db/entities';
import { newId } from '../../db/ids';
import type { Em } from '../../db/orm';
import { CairnError } from '../../errors/cairn-error';
import type { SegmentInput } from './segment.input';
import { checkSegmentRule } from './segment-rules';
import { activeSegments } from './membership/active-segments';
import { recomputeSegment } from './membership/recompute';
import { verifySegment, type SegmentDrift } from './membership/verify';
import { dropUnusedRuleIndexes, ensureTraitIndex } from '../../rules/trait-indexes';
import { writeTransaction } from '../../db/write-transaction';

export type SaveOutcome =
  | { readonly ok: true; readonly segment: Segment; readonly warnings: readonly RuleProblem[] }
  | { readonly ok: false; readonly problems: readonly RuleProblem[] };

/** Segments of one workspace: saving (with versions), archiving, and recomputing members. */
export class SegmentService {
  constructor(
    private readonly em: Em,
    private readonly workspace: Workspace,
    private readonly now: () => Date = () => new Date(),
  ) {}

  list(includeArchived: boolean): Promise<Segment[]> {
    return this.em.find(Segment, includeArchived ? {} : { archivedAt: null }, {
      orderBy: { name: 'asc', id: 'asc' },
    });
  }

  get(id: string): Promise<Segment | null> {
    return this.em.findOne(Segment, { id });
  }

  /** The verifier: stored members against the rule evaluated from scratch at `now`. */
  async verify(id: string, now: Date): Promise<SegmentDrift> {
    const segment = await this.em.findOne(Segment, { id, archivedAt: null });
    if (!segment) throw notFound(id);
    return verifySegment(this.em, this.workspace, segment, now);
  }

  /** Saves a new segment (version 1) and computes its members. */
  create(input: SegmentInput): Promise<SaveOutcome> {
    return this.save(undefined, input);
  }

  /** Saves a new version of a segment and recomputes its members (and those of segments built on it). */
  update(id: string, input: SegmentInput): Promise<SaveOutcome> {
    return this.save(id, input);
  }

  /** Archives a segment: it stops updating and leaves the lists. Refused while active segments reference it. */
  async archive(id: string): Promise<Segment> {
    const archived = await writeTransaction(this.em, async (em) => {
      const segment = await em.findOne(Segment, { id, archivedAt: null });
      if (!segment) throw notFound(id);
      const users = (await em.find(Segment, { archivedAt: null, id: { $ne: id } })).filter((s) =>
        ruleDependencies(s.rule).segmentIds.includes(id),
      );
      if (users.length > 0) {
        throw new CairnError(
          'CONFLICT',
          `Segment "${segment.name}" is used by ${users.map((s) => `"${s.name}"`).join(', ')}; remove those references first.`,
          ['id'],
        );
      }
      segment.archivedAt = this.now();
      await em.nativeDelete(SegmentMembership, { segmentId: id });
      await em.nativeDelete(SegmentRecheck, { segmentId: id });
      return segment;
    });
    await this.dropUnusedIndexes();
    return archived;
  }

  /**
   * Saves, then (committed, outside the transaction: PostgreSQL builds it concurrently) makes sure
   * the index the rule's trait conditions can use exists, and drops rule indexes no active
   * segment uses any more. Indexes only speed counts up: a failed build leaves every query
   * correct, and the next save tries again.
   */
  private async save(id: string | undefined, input: SegmentInput): Promise<SaveOutcome> {
    const outcome = await this.saveVersion(id, input);
    if (outcome.ok) {
      await ensureTraitIndex(this.em, this.workspace.id, outcome.segment.rule).catch(
        () => undefined,
      );
      await this.dropUnusedIndexes();
    }
    return outcome;
  }

  private async dropUnusedIndexes(): Promise<void> {
    const active = await this.em.find(Segment, { archivedAt: null });
    await dropUnusedRuleIndexes(
      this.em,
      this.workspace.id,
      active.map((s) => s.rule),
    ).catch(() => undefined);
  }

  private async saveVersion(id: string | undefined, input: SegmentInput): Promise<SaveOutcome> {
    const name = input.name.trim();
    if (name.length === 0 || name.length > 200)
      throw CairnError.badInput(['input', 'name'], 'must have 1 to 200 characters.');
    const description = (input.description ?? '').trim();
    if (description.length > 5000)
      throw CairnError.badInput(['input', 'description'], 'must have at most 5,000 characters.');
    return writeTransaction(this.em, async (em) => {
      const existing =
        id === undefined ? undefined : await em.findOne(Segment, { id, archivedAt: null });
      if (id !== undefined && !existing) throw notFound(id);
      const clash = await em.findOne(Segment, {
        archivedAt: null,
        name,
        ...(id ? { id: { $ne: id } } : {}),
      });
      if (clash)
        throw new CairnError(
          'CONFLICT',
          `input.name: an active segment is already called "${name}".`,
          ['input', 'name'],
        );
      const segmentId = existing?.id ?? newId();
      const checked = await checkSegmentRule(em, input.rule, segmentId);
      if (!checked.ok) return { ok: false, problems: checked.problems };
      const { rule } = checked;
      const segment = existing
        ? Object.assign(existing, { name, description, rule, version: existing.version + 1 })
        : em.create(Segment, { id: segmentId, workspace: this.workspace, name, description, rule });
      em.create(SegmentVersion, {
        workspace: this.workspace,
        segment,
        version: segment.version,
        name,
        description,
        rule,
      });
      await em.flush();
      await this.recomputeFrom(em, segment);
      await em.flush();
      return { ok: true, segment, warnings: checked.warnings };
    });
  }

  /** Recomputes `segment`, then every active segment built on it (directly or not), in reference order. */
  private async recomputeFrom(em: Em, segment: Segment): Promise<void> {
    const affected = new Set([segment.id]);
    const now = this.now();
    for (const s of await activeSegments(em)) {
      if (!affected.has(s.segment.id) && !s.deps.segmentIds.some((id) => affected.has(id)))
        continue;
      affected.add(s.segment.id);
      await recomputeSegment(em, this.workspace, s, now);
    }
  }
}

function notFound(id: string): CairnError {
  return new CairnError('NOT_FOUND', `No active segment with id "${id}" in this workspace.`, [
    'id',
  ]);
}
