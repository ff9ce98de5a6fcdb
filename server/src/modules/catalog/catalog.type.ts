import { Field, Float, InterfaceType, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import type { ObservedType } from '../../db/entities';

/**
 * The observed types. The values are the rule language's type names (`string`, `stringList`, …),
 * lower case, so a picker can put them in a rule as they are.
 */
export const ObservedTypeEnum = {
  string: 'string',
  number: 'number',
  boolean: 'boolean',
  date: 'date',
  stringList: 'stringList',
  list: 'list',
  object: 'object',
} as const satisfies { [T in ObservedType]: T };
registerEnumType(ObservedTypeEnum, {
  name: 'ObservedType',
  description:
    'The type a value was observed with. `date`: an ISO 8601 date or date-time string; `stringList`: an array of strings; `list`: any other array; `object`: an empty object, or one nested too deep to walk.',
});

const COUNT_DESCRIPTION =
  'How many profile writes (traits) or events (properties) carried it with this type (a whole number; Float because GraphQL Int stops at 2^31).';

/** The fields traits and event properties share (one fragment serves both pickers). */
@InterfaceType('CatalogPath', {
  description: 'A path (dotted for nested objects) seen with one type.',
})
export abstract class CatalogPathNode {
  @Field(() => String, { description: 'Dotted path, `company.size`.' })
  path!: string;

  @Field(() => ObservedTypeEnum, {
    description: 'A path seen with several types has one entry per type.',
  })
  type!: ObservedType;

  @Field(() => Float, { description: COUNT_DESCRIPTION })
  count!: number;

  @Field(() => [GraphQLJSON], {
    description:
      'Up to 5 distinct values seen (strings, numbers, booleans; dates as text; the items of string lists). Strings longer than 100 characters are not kept.',
  })
  examples!: readonly unknown[];

  @Field(() => Date)
  lastSeenAt!: Date;
}

@ObjectType('CatalogTrait', {
  description: 'A profile trait path seen with one type.',
  implements: CatalogPathNode,
})
export class CatalogTraitNode extends CatalogPathNode {}

@ObjectType('CatalogEventProperty', {
  description: 'A property path of one event name seen with one type.',
  implements: CatalogPathNode,
})
export class CatalogEventPropertyNode extends CatalogPathNode {}

@ObjectType('CatalogEvent', { description: 'An event name received in the workspace.' })
export class CatalogEventNode {
  @Field(() => String)
  name!: string;

  @Field(() => Float, {
    description: 'How many events of this name were received (a whole number).',
  })
  count!: number;

  @Field(() => Date)
  lastSeenAt!: Date;

  @Field(() => [CatalogEventPropertyNode], {
    description: 'Property paths seen, by path then type.',
  })
  properties!: readonly CatalogEventPropertyNode[];
}

@ObjectType('Catalog', {
  description:
    'What has been observed in the workspace, kept up to date on ingestion: the rule editor and validator read it.',
})
export class CatalogNode {
  @Field(() => [CatalogTraitNode], { description: 'Profile trait paths, by path then type.' })
  traits!: readonly CatalogTraitNode[];

  @Field(() => [CatalogEventNode], { description: 'Event names, by name.' })
  events!: readonly CatalogEventNode[];
}
