import type { JourneyGraph } from '../journey.types';
import type { JourneyPlan } from '../plan.types';
import { readJourneyGraph } from '../read/read-graph';
import { buildPlan } from './build-plan';
import { CompileContext, type JourneyCatalog } from './context';
import type { JourneyProblem } from './problems';
import { catalogReferencesRule } from './rules/catalog-references.rule';
import { constantConditionsRule } from './rules/constant-conditions.rule';
import { cycleWithoutWaitRule } from './rules/cycle-without-wait.rule';
import { edgeEndsRule } from './rules/edge-ends.rule';
import { handleUsedTwiceRule } from './rules/handle-used-twice.rule';
import { randomSplitWeightsRule } from './rules/random-split-weights.rule';
import { sendContentRule } from './rules/send-content.rule';
import { singleTriggerRule } from './rules/single-trigger.rule';
import { unconnectedOutputsRule } from './rules/unconnected-outputs.rule';
import { unreachableNodesRule } from './rules/unreachable-nodes.rule';
import { waitTimeoutRule } from './rules/wait-timeout.rule';

/** The checks, in order; `edgeEndsRule` first, since it decides which edges the others see. */
export const COMPILE_RULES = [
  edgeEndsRule,
  handleUsedTwiceRule,
  singleTriggerRule,
  unconnectedOutputsRule,
  unreachableNodesRule,
  cycleWithoutWaitRule,
  waitTimeoutRule,
  randomSplitWeightsRule,
  sendContentRule,
  catalogReferencesRule,
  constantConditionsRule,
] as const satisfies ReadonlyArray<(ctx: CompileContext) => void>;

export type JourneyCompilation =
  | {
      readonly ok: true;
      readonly graph: JourneyGraph;
      readonly plan: JourneyPlan;
      readonly problems: readonly JourneyProblem[];
    }
  | {
      readonly ok: false;
      readonly graph?: JourneyGraph;
      readonly problems: readonly JourneyProblem[];
    };

export interface CompileJourneyOptions {
  /** The workspace's traits, events, segments and score models; without it names are not checked. */
  readonly catalog?: JourneyCatalog;
}

/**
 * Compiles untrusted JSON into an executable journey plan. Never throws; reports every problem at
 * once, each with a code, a severity, a message that says the fix, the JSON path and the node (or
 * edge) id, so the editor can pin it. Warnings (`severity: 'warning'`) do not block: `ok` is true
 * when there is no error.
 *
 * @example
 * const result = compileJourney(graphJson, { catalog });
 * if (!result.ok) highlight(result.problems.filter((p) => p.severity === 'error'));
 */
export function compileJourney(
  json: unknown,
  options: CompileJourneyOptions = {},
): JourneyCompilation {
  const read = readJourneyGraph(json);
  if (!read.graph) return { ok: false, problems: sortProblems(read.problems) };
  const graph = read.graph;
  const ctx = new CompileContext(
    graph,
    read.nodePaths,
    read.edgePaths,
    options.catalog,
    read.broken,
  );
  for (const rule of COMPILE_RULES) rule(ctx);
  const problems = sortProblems([...read.problems, ...ctx.problems]);
  if (problems.some((p) => p.severity === 'error')) return { ok: false, graph, problems };
  return { ok: true, graph, plan: buildPlan(ctx), problems };
}

const SECTION_ORDER = ['version', 'settings', 'nodes', 'edges'];

/** Errors first, then in document order (version, settings, nodes, edges; by index). */
function sortProblems(problems: JourneyProblem[]): JourneyProblem[] {
  const rank = (p: JourneyProblem) => (p.severity === 'error' ? 0 : 1);
  const section = (p: JourneyProblem) => {
    const i = SECTION_ORDER.indexOf(String(p.path[0] ?? ''));
    return i === -1 ? SECTION_ORDER.length : i;
  };
  const index = (p: JourneyProblem) => (typeof p.path[1] === 'number' ? p.path[1] : -1);
  return problems
    .map((p, i) => ({ p, i }))
    .sort(
      (a, b) =>
        rank(a.p) - rank(b.p) ||
        section(a.p) - section(b.p) ||
        index(a.p) - index(b.p) ||
        a.i - b.i,
    )
    .map((x) => x.p);
}
