import { Field, ObjectType } from 'type-graphql';
import type { Problem } from '@cairn/schema';

/** One problem with one input item: a catalog code, a message that says the fix, and the field path. */
@ObjectType('InputProblem', { description: 'A problem with one input field.' })
export class InputProblem {
  @Field(() => String, { description: 'A code from the error catalog, e.g. BAD_USER_INPUT.' })
  code!: string;

  @Field(() => String)
  message!: string;

  @Field(() => [String], {
    description: 'Path to the offending field, e.g. ["input", "3", "email"].',
  })
  path!: string[];

  static of(problem: Problem): InputProblem {
    return Object.assign(new InputProblem(), {
      code: problem.code,
      message: problem.message,
      path: problem.path.map(String),
    });
  }
}
