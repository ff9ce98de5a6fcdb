import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { BucketKind, CrossTabMode } from './cross-tab';

export const CrossTabModeEnum = {
  VALUES: 'values',
  RANGES: 'ranges',
} as const satisfies Record<string, CrossTabMode>;
registerEnumType(CrossTabModeEnum, {
  name: 'CrossTabMode',
  description:
    'VALUES: one bucket per string or boolean value. RANGES: number ranges (the given boundaries, or automatic quintiles).',
});

export const CrossTabBucketKindEnum = {
  VALUE: 'value',
  OTHER: 'other',
  NONE: 'none',
  RANGE: 'range',
} as const satisfies Record<string, BucketKind>;
registerEnumType(CrossTabBucketKindEnum, {
  name: 'CrossTabBucketKind',
  description:
    'VALUE: one of the top values. OTHER: every other value. NONE: customers without a usable value (missing, null, or of another type). RANGE: a number range.',
});

@ObjectType('SegmentBucketRevenue', {
  description: 'Lifetime orders of the members in a bucket, in one currency.',
})
export class SegmentBucketRevenue {
  @Field(() => String)
  currency!: string;

  @Field(() => Float, { description: 'Sum of the orders (4 decimals).' })
  revenue!: number;

  @Field(() => Int)
  orders!: number;

  @Field(() => Float, { description: '`revenue` / the bucket’s members (4 decimals).' })
  averageRevenuePerMember!: number;
}

@ObjectType('SegmentCrossTabBucket', {
  description: 'One bucket of a trait, in and out of the segment.',
})
export class SegmentCrossTabBucket {
  @Field(() => String, {
    description: 'The value, "other", "(none)", or the range ("< 10", "10 – 20", "≥ 20").',
  })
  label!: string;

  @Field(() => CrossTabBucketKindEnum)
  kind!: BucketKind;

  @Field(() => String, {
    nullable: true,
    description: 'The value of a VALUE bucket (booleans as "true"/"false").',
  })
  value!: string | null;

  @Field(() => Float, {
    nullable: true,
    description: 'A RANGE’s lower bound, included; null: none.',
  })
  from!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'A RANGE’s upper bound, excluded; null: none.',
  })
  to!: number | null;

  @Field(() => Int, { description: 'Members of the segment in the bucket.' })
  members!: number;

  @Field(() => Int, { description: 'Customers of the workspace in the bucket, members or not.' })
  customers!: number;

  @Field(() => Float, { description: '`members` / the segment’s members (0 to 1).' })
  shareOfSegment!: number;

  @Field(() => Float, { description: '`customers` / all customers of the workspace (0 to 1).' })
  shareOfCustomers!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      '`members` / `customers`: how much of the bucket the segment reaches (0 to 1); null for an empty bucket.',
  })
  penetration!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      '`shareOfSegment` / `shareOfCustomers` × 100: above 100 the bucket is over-represented in the segment, below 100 under-represented; null when the bucket or the segment is empty.',
  })
  index!: number | null;

  @Field(() => [SegmentBucketRevenue], { description: 'Most revenue first.' })
  revenue!: SegmentBucketRevenue[];
}

@ObjectType('SegmentCrossTab', {
  description:
    'A segment against a trait: every customer of the workspace falls in exactly one bucket.',
})
export class SegmentCrossTab {
  @Field(() => String)
  path!: string;

  @Field(() => CrossTabModeEnum)
  mode!: CrossTabMode;

  @Field(() => [Float], {
    description:
      'RANGES: the boundaries used (given, or the automatic quintile bounds); VALUES: empty.',
  })
  boundaries!: number[];

  @Field(() => Int, { description: 'Members of the segment (the sum of the buckets’ members).' })
  members!: number;

  @Field(() => Int, { description: 'Customers of the workspace.' })
  customers!: number;

  @Field(() => [SegmentCrossTabBucket], {
    description:
      'VALUES: the top values by members (then customers, then value), then "other", then "(none)" (each only when not empty). RANGES: every range in order, even empty ones, then "(none)".',
  })
  buckets!: SegmentCrossTabBucket[];
}
