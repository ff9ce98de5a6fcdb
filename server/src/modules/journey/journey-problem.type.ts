import { Field, ObjectType } from 'type-graphql';
import type { JourneyProblem } from '@cairn/schema';

@ObjectType('JourneyProblem', {
  description:
    'A problem in a journey graph, pinned to its node or edge: errors block publishing, warnings do not.',
})
export class JourneyProblemNode {
  @Field(() => String, { description: 'A JOURNEY_* code, e.g. JOURNEY_OUTPUT_UNCONNECTED.' })
  code!: string;

  @Field(() => String, { description: '"error" or "warning".' })
  severity!: string;

  @Field(() => String, { description: 'What is wrong and how to fix it.' })
  message!: string;

  @Field(() => [String], {
    description: 'JSON path in the graph, e.g. ["nodes", "3", "wait", "timeout"].',
  })
  path!: string[];

  @Field(() => String, { nullable: true })
  nodeId!: string | null;

  @Field(() => String, { nullable: true })
  edgeId!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'For a problem inside a rule: the RULE_* code.',
  })
  ruleCode!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'For a problem inside a rule: the rule node id.',
  })
  ruleNodeId!: string | null;

  static of(p: JourneyProblem): JourneyProblemNode {
    return Object.assign(new JourneyProblemNode(), {
      code: p.code,
      severity: p.severity,
      message: p.message,
      path: p.path.map(String),
      nodeId: p.nodeId ?? null,
      edgeId: p.edgeId ?? null,
      ruleCode: p.ruleCode ?? null,
      ruleNodeId: p.ruleNodeId ?? null,
    });
  }
}
