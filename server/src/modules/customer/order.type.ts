import { Field, Float, ObjectType } from 'type-graphql';

@ObjectType('OrderItem', { description: 'One line of an order.' })
export class OrderItemNode {
  @Field(() => String)
  productId!: string;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => Float, { description: 'A whole number from 1.' })
  quantity!: number;

  @Field(() => Float, { description: 'Unit price, in the currency of the order.' })
  price!: number;
}

@ObjectType('Order', { description: 'A purchase (from an `Order Completed` event).' })
export class OrderNode {
  @Field(() => String, { description: "The shop's order id." })
  orderId!: string;

  @Field(() => Float)
  amount!: number;

  @Field(() => String, { description: 'ISO 4217 code, upper case.' })
  currency!: string;

  @Field(() => [OrderItemNode])
  items!: OrderItemNode[];

  @Field(() => Date)
  occurredAt!: Date;
}
