import { Migration } from '@mikro-orm/migrations';

export class Migration20261123161804_rule_facts extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`segment_memberships\` (\`id\` text not null, \`workspace_id\` text not null, \`segment_id\` text not null, \`customer_id\` text not null, \`entered_at\` datetime not null, constraint \`segment_memberships_workspace_id_foreign\` foreign key(\`workspace_id\`) references \`workspaces\`(\`id\`) on delete cascade on update cascade, constraint \`segment_memberships_customer_id_foreign\` foreign key(\`customer_id\`) references \`customers\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`segment_memberships_workspace_id_index\` on \`segment_memberships\` (\`workspace_id\`);`,
    );
    this.addSql(
      `create index \`segment_memberships_customer_id_index\` on \`segment_memberships\` (\`customer_id\`);`,
    );
    this.addSql(
      `create unique index \`segment_memberships_segment_id_customer_id_unique\` on \`segment_memberships\` (\`segment_id\`, \`customer_id\`);`,
    );

    this.addSql(
      `create table \`score_entries\` (\`id\` text not null, \`workspace_id\` text not null, \`customer_id\` text not null, \`model\` text not null, \`at\` datetime not null, \`value\` double not null, constraint \`score_entries_workspace_id_foreign\` foreign key(\`workspace_id\`) references \`workspaces\`(\`id\`) on delete cascade on update cascade, constraint \`score_entries_customer_id_foreign\` foreign key(\`customer_id\`) references \`customers\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`score_entries_workspace_id_index\` on \`score_entries\` (\`workspace_id\`);`,
    );
    this.addSql(
      `create index \`score_entries_customer_id_model_at_index\` on \`score_entries\` (\`customer_id\`, \`model\`, \`at\`);`,
    );

    this.addSql(
      `create table \`events\` (\`id\` text not null, \`workspace_id\` text not null, \`customer_id\` text not null, \`name\` text not null, \`properties\` json not null, \`occurred_at\` datetime not null, \`received_at\` datetime not null, \`message_id\` text null, constraint \`events_workspace_id_foreign\` foreign key(\`workspace_id\`) references \`workspaces\`(\`id\`) on delete cascade on update cascade, constraint \`events_customer_id_foreign\` foreign key(\`customer_id\`) references \`customers\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`events_workspace_id_name_occurred_at_index\` on \`events\` (\`workspace_id\`, \`name\`, \`occurred_at\`);`,
    );
    this.addSql(
      `create index \`events_customer_id_name_occurred_at_index\` on \`events\` (\`customer_id\`, \`name\`, \`occurred_at\`);`,
    );
    this.addSql(
      `create unique index \`events_workspace_id_message_id_unique\` on \`events\` (\`workspace_id\`, \`message_id\`);`,
    );

    this.addSql(
      `create table \`consent_records\` (\`id\` text not null, \`workspace_id\` text not null, \`customer_id\` text not null, \`channel\` text not null, \`granted\` integer not null, \`source\` text null, \`recorded_at\` datetime not null, constraint \`consent_records_workspace_id_foreign\` foreign key(\`workspace_id\`) references \`workspaces\`(\`id\`) on delete cascade on update cascade, constraint \`consent_records_customer_id_foreign\` foreign key(\`customer_id\`) references \`customers\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`consent_records_workspace_id_index\` on \`consent_records\` (\`workspace_id\`);`,
    );
    this.addSql(
      `create index \`consent_records_customer_id_channel_recorded_at_index\` on \`consent_records\` (\`customer_id\`, \`channel\`, \`recorded_at\`);`,
    );
  }
}
