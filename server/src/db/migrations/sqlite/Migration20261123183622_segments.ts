import { Migration } from '@mikro-orm/migrations';

export class Migration20261123183622_segments extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`segments\` (\`id\` text not null, \`workspace_id\` text not null, \`name\` text not null, \`description\` text not null default '', \`rule\` json not null, \`version\` integer not null default 1, \`computed_at\` datetime null, \`archived_at\` datetime null, \`created_at\` datetime not null, \`updated_at\` datetime not null, constraint \`segments_workspace_id_foreign\` foreign key(\`workspace_id\`) references \`workspaces\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`segments_workspace_id_archived_at_name_index\` on \`segments\` (\`workspace_id\`, \`archived_at\`, \`name\`);`,
    );

    this.addSql(
      `create table \`segment_versions\` (\`id\` text not null, \`workspace_id\` text not null, \`segment_id\` text not null, \`version\` integer not null, \`name\` text not null, \`description\` text not null, \`rule\` json not null, \`created_at\` datetime not null, constraint \`segment_versions_workspace_id_foreign\` foreign key(\`workspace_id\`) references \`workspaces\`(\`id\`) on delete cascade on update cascade, constraint \`segment_versions_segment_id_foreign\` foreign key(\`segment_id\`) references \`segments\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create unique index \`segment_versions_segment_id_version_unique\` on \`segment_versions\` (\`segment_id\`, \`version\`);`,
    );

    this.addSql(
      `create table \`segment_transitions\` (\`id\` text not null, \`workspace_id\` text not null, \`segment_id\` text not null, \`customer_id\` text not null, \`kind\` text not null, \`cause\` text not null, \`at\` datetime not null, constraint \`segment_transitions_workspace_id_foreign\` foreign key(\`workspace_id\`) references \`workspaces\`(\`id\`) on delete cascade on update cascade, constraint \`segment_transitions_customer_id_foreign\` foreign key(\`customer_id\`) references \`customers\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`segment_transitions_customer_id_at_index\` on \`segment_transitions\` (\`customer_id\`, \`at\`);`,
    );
    this.addSql(
      `create index \`segment_transitions_segment_id_at_index\` on \`segment_transitions\` (\`segment_id\`, \`at\`);`,
    );

    this.addSql(
      `create table \`segment_rechecks\` (\`id\` text not null, \`workspace_id\` text not null, \`segment_id\` text not null, \`customer_id\` text not null, \`due_at\` datetime not null, constraint \`segment_rechecks_workspace_id_foreign\` foreign key(\`workspace_id\`) references \`workspaces\`(\`id\`) on delete cascade on update cascade, constraint \`segment_rechecks_customer_id_foreign\` foreign key(\`customer_id\`) references \`customers\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`segment_rechecks_due_at_index\` on \`segment_rechecks\` (\`due_at\`);`,
    );
    this.addSql(
      `create unique index \`segment_rechecks_segment_id_customer_id_unique\` on \`segment_rechecks\` (\`segment_id\`, \`customer_id\`);`,
    );
  }
}
