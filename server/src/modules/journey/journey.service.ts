import {
  compileJourney,
  describeChanges,
  JOURNEY_EXAMPLES,
  type JourneyGraph,
  type JourneyProblem,
} from '@cairn/schema';
import {
  Journey,
  JourneyEnrollment,
  JourneyTimer,
  JourneyVersion,
  OutboxMessage,
  type JourneyStatus,
  type Workspace,
} from '../../db/entities';
import type { Em } from '../../db/orm';
import { CairnError } from '../../errors/cairn-error';
import type { CreateJourneyInput, NodeMoveInput, SaveJourneyDraftInput } from './journey.input';
import { loadJourneyCatalog } from './journey-catalog';
import { moveWaitingCustomers } from './runtime/move-customers';
import { writeTransaction } from '../../db/write-transaction';

export type JourneyOutcome =
  | { readonly ok: true; readonly journey: Journey; readonly problems: readonly JourneyProblem[] }
  | {
      readonly ok: false;
      readonly journey: Journey | null;
      readonly problems: readonly JourneyProblem[];
    };

/** A new journey's draft when none is given: an API trigger straight into an exit. */
const SKELETON: JourneyGraph = {
  version: 1,
  settings: { reentry: 'afterExit', exitOnGoal: true },
  nodes: [
    { id: 'trigger', kind: 'trigger', position: { x: 0, y: 0 }, trigger: { type: 'api' } },
    { id: 'exit', kind: 'exit', position: { x: 0, y: 160 } },
  ],
  edges: [{ id: 'trigger-exit', source: 'trigger', sourceHandle: 'next', target: 'exit' }],
};

/** Journeys of one workspace: drafts, publishing versions, and their lifecycle. */
export class JourneyService {
  constructor(
    private readonly em: Em,
    private readonly workspace: Workspace,
    private readonly now: () => Date = () => new Date(),
  ) {}

  list(options: { search?: string | null; status?: JourneyStatus | null }): Promise<Journey[]> {
    const search = options.search?.trim();
    return this.em.find(
      Journey,
      {
        ...(options.status ? { status: options.status } : { status: { $ne: 'archived' } }),
        ...(search ? { name: { $like: `%${search.replace(/[%_\\]/g, (c) => `\\${c}`)}%` } } : {}),
      },
      { orderBy: { updatedAt: 'desc', id: 'desc' } },
    );
  }

  get(id: string): Promise<Journey | null> {
    return this.em.findOne(Journey, { id });
  }

  versions(journeyId: string): Promise<JourneyVersion[]> {
    return this.em.find(JourneyVersion, { journey: journeyId }, { orderBy: { version: 'desc' } });
  }

  /** The compiler's problems for a graph, with the workspace's names checked. */
  async problemsOf(graph: unknown): Promise<readonly JourneyProblem[]> {
    return compileJourney(graph, { catalog: await loadJourneyCatalog(this.em) }).problems;
  }

  async create(input: CreateJourneyInput): Promise<JourneyOutcome> {
    const name = readName(input.name);
    let graph: Record<string, unknown> | JourneyGraph = input.graph ?? SKELETON;
    if (input.example) {
      const example = Object.prototype.hasOwnProperty.call(JOURNEY_EXAMPLES, input.example)
        ? JOURNEY_EXAMPLES[input.example as keyof typeof JOURNEY_EXAMPLES]
        : undefined;
      if (!example)
        throw CairnError.badInput(
          ['input', 'example'],
          `There is no example "${input.example}"; use one of ${Object.keys(JOURNEY_EXAMPLES).join(', ')}.`,
        );
      graph = example;
    }
    const journey = this.em.create(Journey, {
      workspace: this.workspace,
      name,
      description: input.description?.trim() ?? '',
      draft: graph,
    });
    await this.em.flush();
    return { ok: true, journey, problems: await this.problemsOf(graph) };
  }

  async saveDraft(id: string, input: SaveJourneyDraftInput): Promise<JourneyOutcome> {
    const journey = await this.editable(id);
    if (input.revision !== journey.draftRevision) {
      throw new CairnError(
        'CONFLICT',
        `The draft was saved by someone else since revision ${input.revision} (now ${journey.draftRevision}); reload it and apply your change again.`,
        ['input', 'revision'],
      );
    }
    journey.draft = input.graph;
    journey.draftRevision += 1;
    if (input.name != null) journey.name = readName(input.name);
    if (input.description != null) journey.description = input.description.trim();
    await this.em.flush();
    return { ok: true, journey, problems: await this.problemsOf(input.graph) };
  }

  /**
   * Publishes the draft as the next version, compiled again here (the client's compile is only
   * advice). Customers in flight stay on the version they entered, unless `moves` names where
   * the ones waiting at a step go in the new version.
   */
  async publish(id: string, moves: readonly NodeMoveInput[] = []): Promise<JourneyOutcome> {
    return writeTransaction(this.em, async (em) => {
      const journey = await em.findOne(Journey, { id });
      if (!journey) throw CairnError.notFound('journey', id);
      if (journey.status === 'archived') throw archived(journey);
      const result = compileJourney(journey.draft, { catalog: await loadJourneyCatalog(em) });
      if (!result.ok) return { ok: false, journey, problems: result.problems };
      const previous = await em.findOne(
        JourneyVersion,
        { journey },
        { orderBy: { version: 'desc' } },
      );
      const version = (previous?.version ?? 0) + 1;
      em.create(JourneyVersion, {
        workspace: this.workspace,
        journey,
        version,
        graph: result.graph,
        plan: result.plan,
        changes: describeChanges(previous?.graph, result.graph),
        publishedAt: this.now(),
      });
      journey.liveVersion = version;
      if (journey.status === 'draft') journey.status = 'active';
      await em.flush();
      const moveProblems = await moveWaitingCustomers(em, journey, result.plan, version, moves);
      if (moveProblems.length > 0) throw moveProblems[0]!;
      return { ok: true, journey, problems: result.problems };
    });
  }

  async setStatus(id: string, status: 'paused' | 'active'): Promise<Journey> {
    const journey = await this.editable(id);
    if (journey.liveVersion === null)
      throw new CairnError(
        'JOURNEY_NOT_ACTIVE',
        `Journey "${journey.name}" has never been published; publish it first.`,
        ['id'],
      );
    journey.status = status;
    await this.em.flush();
    return journey;
  }

  /** Ends a journey: customers in it leave (reason "archived"), queued messages are dropped. */
  async archive(id: string): Promise<Journey> {
    return writeTransaction(this.em, async (em) => {
      const journey = await em.findOne(Journey, { id });
      if (!journey) throw CairnError.notFound('journey', id);
      const now = this.now();
      const active = await em.find(
        JourneyEnrollment,
        { journey, status: 'active' },
        { fields: ['id'] },
      );
      await em.nativeDelete(JourneyTimer, { enrollment: { $in: active.map((e) => e.id) } });
      await em.nativeUpdate(
        JourneyEnrollment,
        { journey, status: 'active' },
        { status: 'exited', exitedAt: now, exitReason: 'archived' },
      );
      await em.nativeUpdate(
        OutboxMessage,
        { journey, status: 'pending' },
        { status: 'skipped', skipReason: 'archived' },
      );
      journey.status = 'archived';
      return journey;
    });
  }

  private async editable(id: string): Promise<Journey> {
    const journey = await this.em.findOne(Journey, { id });
    if (!journey) throw CairnError.notFound('journey', id);
    if (journey.status === 'archived') throw archived(journey);
    return journey;
  }
}

function readName(raw: string): string {
  const name = raw.trim();
  if (name.length === 0 || name.length > 200)
    throw CairnError.badInput(['input', 'name'], 'A journey name has 1 to 200 characters.');
  return name;
}

const archived = (journey: Journey) =>
  new CairnError(
    'CONFLICT',
    `Journey "${journey.name}" is archived and can no longer change; create a new one from its draft.`,
    ['id'],
  );
