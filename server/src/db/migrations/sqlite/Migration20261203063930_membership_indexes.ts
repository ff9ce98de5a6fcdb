import { Migration } from '@mikro-orm/migrations';

export class Migration20261203063930_membership_indexes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop index \`segment_memberships_workspace_id_index\`;`);
  }
}
