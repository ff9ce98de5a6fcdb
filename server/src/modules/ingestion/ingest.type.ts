import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { InputProblem } from '../../graphql/problem.type';
import type { IngestOutcome } from './ingest.service';

export enum IngestStatus {
  ACCEPTED = 'ACCEPTED',
  DUPLICATE = 'DUPLICATE',
  REJECTED = 'REJECTED',
}
registerEnumType(IngestStatus, {
  name: 'IngestStatus',
  description:
    'ACCEPTED: stored. DUPLICATE: an event with this messageId was stored before. REJECTED: see problems.',
});

export enum ProfileChange {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  MERGED = 'MERGED',
  UNCHANGED = 'UNCHANGED',
}
registerEnumType(ProfileChange, {
  name: 'ProfileChange',
  description: 'What an accepted item did to its profile.',
});

@ObjectType('IngestResult', { description: 'The outcome for the input item at `index`.' })
export class IngestResult {
  @Field(() => Int)
  index!: number;

  @Field(() => IngestStatus)
  status!: IngestStatus;

  @Field(() => ID, { nullable: true, description: 'The profile the item was stored on.' })
  customerId!: string | null;

  @Field(() => ProfileChange, { nullable: true })
  profile!: ProfileChange | null;

  @Field(() => [ID], { description: 'Anonymous profiles merged into this one (identify).' })
  mergedCustomerIds!: string[];

  @Field(() => String, {
    nullable: true,
    description: "The event's messageId (given or assigned).",
  })
  messageId!: string | null;

  @Field(() => [InputProblem])
  problems!: InputProblem[];
}

@ObjectType('IngestPayload')
export class IngestPayload {
  @Field(() => [IngestResult], { description: 'One result per input item, in input order.' })
  results!: IngestResult[];

  @Field(() => Int)
  accepted!: number;

  @Field(() => Int)
  duplicates!: number;

  @Field(() => Int)
  rejected!: number;
}

/**
 * The payload for a batch's outcomes (GraphQL and `POST /v1/events` answer the same shape).
 * Problem paths start with `prefix`: the argument name in GraphQL (`["events", 3, "email"]`).
 */
export function ingestPayload(
  outcomes: readonly IngestOutcome[],
  prefix: readonly string[] = [],
): IngestPayload {
  const results = outcomes.map((o): IngestResult => ({
    index: o.index,
    status: IngestStatus[o.status],
    customerId: o.status === 'ACCEPTED' ? o.customerId : null,
    profile: o.status === 'ACCEPTED' ? ProfileChange[o.profile] : null,
    mergedCustomerIds: o.status === 'ACCEPTED' ? [...o.mergedCustomerIds] : [],
    messageId: o.status === 'REJECTED' ? null : o.messageId,
    problems:
      o.status === 'REJECTED'
        ? o.problems.map((p) => InputProblem.of({ ...p, path: [...prefix, ...p.path] }))
        : [],
  }));
  const count = (status: IngestStatus) => results.filter((r) => r.status === status).length;
  return {
    results,
    accepted: count(IngestStatus.ACCEPTED),
    duplicates: count(IngestStatus.DUPLICATE),
    rejected: count(IngestStatus.REJECTED),
  };
}
