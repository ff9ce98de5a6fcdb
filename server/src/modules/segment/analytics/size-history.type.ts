import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('SegmentSizePoint', {
  description: "A segment's size at the end of one UTC day, and that day's changes.",
})
export class SegmentSizePoint {
  @Field(() => String, { description: 'The UTC day, YYYY-MM-DD.' })
  day!: string;

  @Field(() => Int, {
    description:
      'Members at the end of the day: everyone who entered up to this day minus everyone who exited up to it.',
  })
  size!: number;

  @Field(() => Int, { description: 'Entries during the day.' })
  entered!: number;

  @Field(() => Int, { description: 'Exits during the day.' })
  exited!: number;
}
