import { Field, ID, InputType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';

@InputType('ExternalIdInput', {
  description: "An id of the person in another system (a CRM's contact id, the shop's user id).",
})
export class ExternalIdInput {
  @Field(() => String, {
    description: 'The system, e.g. "salesforce": 1 to 50 of a-z, 0-9, "_", "-".',
  })
  source!: string;

  @Field(() => String)
  id!: string;
}

/** The identity fields every ingested item may carry (see `identity-key.ts`); inherited, not used on its own. */
@InputType()
abstract class IdentityFieldsInput {
  @Field(() => ID, { nullable: true, description: 'An existing profile, by its Cairn id.' })
  customerId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'A device or browser id, before the person is known.',
  })
  anonymousId?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'In international form (E.164), e.g. +33612345678.',
  })
  phone?: string | null;

  @Field(() => [ExternalIdInput], { nullable: true })
  externalIds?: ExternalIdInput[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'When it happened: an ISO 8601 instant with offset. Default: now.',
  })
  timestamp?: string | null;
}

@InputType('TrackInput', {
  description: 'One event. At least one identity field names who did it.',
})
export class TrackInput extends IdentityFieldsInput {
  @Field(() => String, {
    nullable: true,
    description: 'Your id for the event: a replay with the same id is stored once.',
  })
  messageId?: string | null;

  @Field(() => String, { description: 'The event name, e.g. "Page Viewed" or "Order Completed".' })
  event!: string;

  @Field(() => GraphQLJSONObject, { nullable: true })
  properties?: Record<string, unknown> | null;
}

@InputType('ConsentInput', { description: 'An opt-in (granted) or opt-out for one channel.' })
export class ConsentInput {
  @Field(() => String, { description: 'email, sms, whatsapp, push, webhook or advertising.' })
  channel!: string;

  @Field(() => Boolean)
  granted!: boolean;

  @Field(() => String, { nullable: true, description: 'Where it was given, e.g. "signup form".' })
  source?: string | null;

  @Field(() => String, { nullable: true, description: "Default: the item's timestamp." })
  timestamp?: string | null;
}

@InputType('IdentifyInput', {
  description:
    'Who a person is and what we know about them. Creates the profile, or updates the one the identities name; ' +
    'when they name an anonymous profile and a known one, the anonymous one merges into the known one.',
})
export class IdentifyInput extends IdentityFieldsInput {
  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description: 'Trait updates: keys merge into the stored traits; null removes a trait.',
  })
  traits?: Record<string, unknown> | null;

  @Field(() => String, { nullable: true, description: 'IANA time zone, e.g. "Europe/Paris".' })
  timeZone?: string | null;

  @Field(() => [ConsentInput], { nullable: true })
  consent?: ConsentInput[] | null;
}
