import { Migration } from '@mikro-orm/migrations';

export class Migration20261203063930_membership_indexes extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create index "segment_memberships_customer_id_index" on "segment_memberships" ("customer_id");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "segment_memberships_customer_id_index";`);
  }
}
