import { Field, ObjectType, registerEnumType } from 'type-graphql';
import type { IdentityKind } from '../../db/entities';

/** The kinds of identifier, spelled as stored. */
export const IdentityKindEnum = {
  email: 'email',
  phone: 'phone',
  externalId: 'externalId',
  anonymousId: 'anonymousId',
} as const satisfies { [K in IdentityKind]: K };
registerEnumType(IdentityKindEnum, {
  name: 'IdentityKind',
  description:
    '`email` (lower case), `phone` (E.164), `externalId` (an id in the system named by `source`), `anonymousId` (a device or browser id).',
});

@ObjectType('IdentityKey', { description: 'One identifier of a person, normalized.' })
export class IdentityKeyNode {
  @Field(() => IdentityKindEnum)
  kind!: string;

  @Field(() => String, { description: 'The system an external id comes from; empty otherwise.' })
  source!: string;

  @Field(() => String)
  value!: string;
}

@ObjectType('Identity', { description: 'An identifier held by a customer.' })
export class IdentityNode extends IdentityKeyNode {
  @Field(() => Date)
  createdAt!: Date;
}
