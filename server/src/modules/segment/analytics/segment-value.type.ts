import { Field, Float, Int, ObjectType } from 'type-graphql';

const AMOUNT = 'In the currency, at the scale orders are stored with (4 decimals).';

@ObjectType('SegmentCurrencyValue', {
  description: `What the current members bought in one currency (currencies are never added together). ${AMOUNT}`,
})
export class SegmentCurrencyValue {
  @Field(() => String, { description: 'ISO 4217 code, upper case.' })
  currency!: string;

  @Field(() => Float, {
    description:
      'Sum of the members’ orders in this currency since `since` (all of them without it).',
  })
  revenue!: number;

  @Field(() => Int, { description: 'How many orders make `revenue`.' })
  orders!: number;

  @Field(() => Int, { description: 'How many members placed those orders.' })
  buyers!: number;

  @Field(() => Float, {
    description: '`revenue` / `members`: every current member counts, buyer or not.',
  })
  averageRevenuePerMember!: number;

  @Field(() => Float, {
    nullable: true,
    description: '`revenue` / `orders` (average order value); null when there are no orders.',
  })
  averageOrderValue!: number | null;

  @Field(() => Float, {
    description: 'Sum of all the members’ orders in this currency, ever (`since` does not apply).',
  })
  lifetimeRevenue!: number;

  @Field(() => Float, {
    description:
      'Average customer lifetime value, historical: `lifetimeRevenue` / `members` (every member counts, buyer or not). Computed from the recorded orders rather than a trait such as `traits.ltv`: such a trait is whatever a source sent, in no stated currency, on some profiles only, so it cannot be compared across segments.',
  })
  averageClv!: number;
}

@ObjectType('SegmentValue', {
  description: 'The value of the current members, from their orders, per currency.',
})
export class SegmentValue {
  @Field(() => Int, { description: 'Current members (the denominator of the averages).' })
  members!: number;

  @Field(() => Date, {
    nullable: true,
    description: 'Start of the window of `revenue`, `orders` and `buyers`; null: all time.',
  })
  since!: Date | null;

  @Field(() => [SegmentCurrencyValue], {
    description: 'One entry per currency the members ordered in, most `revenue` first.',
  })
  currencies!: SegmentCurrencyValue[];
}
