import { assertUnreachable } from '../../../assert-unreachable';
import type { FilterNode, RuleDocument } from '../../../rules/rule.types';
import type { RuleProblemCode } from '../../../rules/validate/problems';
import type { JsonPath } from '../../../rules/validate/reader';
import { validateRule } from '../../../rules/validate/validate-rule';
import type { JourneyNode } from '../../journey.types';
import type { CompileContext } from '../context';
import type { JourneyProblemCode, ProblemSeverity } from '../problems';

/**
 * What the rule language's catalog problems mean in a journey. As for segments, a reference to a
 * segment that does not exist blocks; traits, events and models the workspace has not seen yet
 * are warnings, since a marketer may build the journey before the data arrives.
 */
const FROM_RULE: Partial<Record<RuleProblemCode, [JourneyProblemCode, ProblemSeverity]>> = {
  RULE_UNKNOWN_SEGMENT: ['JOURNEY_UNKNOWN_SEGMENT', 'error'],
  RULE_UNKNOWN_TRAIT: ['JOURNEY_UNKNOWN_TRAIT', 'warning'],
  RULE_UNKNOWN_EVENT: ['JOURNEY_UNKNOWN_EVENT', 'warning'],
  RULE_UNKNOWN_PROPERTY: ['JOURNEY_UNKNOWN_EVENT', 'warning'],
  RULE_TYPE_MISMATCH: ['JOURNEY_INVALID_RULE', 'warning'],
  RULE_UNKNOWN_SCORE_MODEL: ['JOURNEY_UNKNOWN_SCORE_MODEL', 'warning'],
};

/** Names in the journey (events, segments, score models, and those inside its rules) exist in the workspace. */
export function catalogReferencesRule(ctx: CompileContext): void {
  const catalog = ctx.catalog;
  if (!catalog) return;
  const own = <T>(record: Readonly<Record<string, T>> | undefined, key: string) =>
    record !== undefined && Object.prototype.hasOwnProperty.call(record, key);

  const checkRule = (node: JourneyNode, rule: RuleDocument, field: JsonPath) => {
    const result = validateRule(rule, { catalog });
    if (result.ok) return;
    for (const p of result.problems) {
      const [code, severity] = FROM_RULE[p.code] ?? ['JOURNEY_INVALID_RULE', 'error'];
      ctx.problems.push({
        code,
        severity,
        message: p.message,
        path: ctx.nodePath(node.id, ...field, ...p.path),
        nodeId: node.id,
        ruleCode: p.code,
        ...(p.nodeId === undefined ? {} : { ruleNodeId: p.nodeId }),
      });
    }
  };
  /** An event (and its filter) as a rule: the rule language's own checks name unknown properties. */
  const checkEvent = (
    node: JourneyNode,
    event: string,
    where: FilterNode | undefined,
    field: JsonPath,
  ) => {
    if (!catalog.events) return;
    if (!own(catalog.events, event)) {
      ctx.atNode(
        node,
        'JOURNEY_UNKNOWN_EVENT',
        `No event "${event}" has been received in this workspace yet; check the name, or send one to see it in the catalog.`,
        [...field, 'event'],
        'warning',
      );
      return;
    }
    if (!where) return;
    const probe: RuleDocument = {
      version: 1,
      root: {
        kind: 'event',
        event,
        where,
        measure: { type: 'count', window: { type: 'ever' }, compare: { op: 'gte', value: 1 } },
      },
    };
    const result = validateRule(probe, { catalog });
    if (result.ok) return;
    for (const p of result.problems) {
      const [code, severity] = FROM_RULE[p.code] ?? ['JOURNEY_INVALID_RULE', 'error'];
      const [, ...rest] = p.path; // drop 'root': the filter sits at `where` of the node's field
      ctx.problems.push({
        code,
        severity,
        message: p.message,
        path: ctx.nodePath(node.id, ...field, ...rest),
        nodeId: node.id,
        ruleCode: p.code,
      });
    }
  };
  const checkSegment = (node: JourneyNode, segmentId: string, field: JsonPath) => {
    if (catalog.segments && !own(catalog.segments, segmentId))
      ctx.atNode(
        node,
        'JOURNEY_UNKNOWN_SEGMENT',
        `No segment with id "${segmentId}" exists in this workspace; pick one from the list.`,
        [...field, 'segmentId'],
      );
  };
  const checkModel = (node: JourneyNode, model: string, field: JsonPath) => {
    if (catalog.scoreModels && !catalog.scoreModels.includes(model))
      ctx.atNode(
        node,
        'JOURNEY_UNKNOWN_SCORE_MODEL',
        `No lead-score model "${model}" exists; create it first or pick an existing one.`,
        [...field, 'model'],
        'warning',
      );
  };

  for (const node of ctx.graph.nodes) {
    switch (node.kind) {
      case 'trigger': {
        const t = node.trigger;
        if (t.type === 'event') checkEvent(node, t.event, t.where, ['trigger']);
        else if (t.type === 'segmentEntered' || t.type === 'segmentExited')
          checkSegment(node, t.segmentId, ['trigger']);
        else if (t.type === 'schedule' && t.segmentId) checkSegment(node, t.segmentId, ['trigger']);
        else if (t.type === 'scoreThreshold') checkModel(node, t.model, ['trigger']);
        break;
      }
      case 'wait':
        if (node.wait.type === 'event')
          checkEvent(node, node.wait.event, node.wait.where, ['wait']);
        break;
      case 'goal':
        checkEvent(node, node.event, node.where, []);
        break;
      case 'condition':
        checkRule(node, node.rule, ['rule']);
        break;
      case 'split':
        node.branches.forEach((b, i) => checkRule(node, b.rule, ['branches', i, 'rule']));
        break;
      case 'action':
        if (node.action.type === 'addScore') checkModel(node, node.action.model, ['action']);
        break;
      case 'randomSplit':
      case 'exit':
        break;
      default:
        assertUnreachable(node);
    }
  }
}
