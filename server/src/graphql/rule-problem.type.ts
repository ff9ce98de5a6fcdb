import { Field, ObjectType } from 'type-graphql';
import type { RuleProblem } from '@cairn/schema';

/** A problem in a rule tree, tied to the field and the node that caused it (the editor highlights it). */
@ObjectType('RuleProblem', {
  description: 'A problem in a rule: code, message, JSON path and node id.',
})
export class RuleProblemNode {
  @Field(() => String, { description: 'A RULE_* code, e.g. RULE_UNKNOWN_TRAIT.' })
  code!: string;

  @Field(() => String)
  message!: string;

  @Field(() => [String], {
    description: 'Path inside the rule document, e.g. ["root", "children", "0", "path"].',
  })
  path!: string[];

  @Field(() => String, { nullable: true, description: 'The `id` of the node the problem is in.' })
  nodeId!: string | null;

  static of(problem: RuleProblem, prefix: readonly string[] = []): RuleProblemNode {
    return Object.assign(new RuleProblemNode(), {
      code: problem.code,
      message: problem.message,
      path: [...prefix, ...problem.path.map(String)],
      nodeId: problem.nodeId ?? null,
    });
  }
}
