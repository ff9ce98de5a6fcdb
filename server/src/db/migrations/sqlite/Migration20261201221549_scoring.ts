import { Migration } from '@mikro-orm/migrations';

export class Migration20261201221549_scoring extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`scoring_models\` (\`id\` text not null, \`workspace_id\` text not null, \`key\` text not null, \`name\` text not null, \`segment_id\` text null, \`rules\` json not null, \`half_life_days\` double null, \`mql_threshold\` double null, \`version\` integer not null default 1, \`archived_at\` datetime null, \`created_at\` datetime not null, \`updated_at\` datetime not null, constraint \`scoring_models_workspace_id_foreign\` foreign key(\`workspace_id\`) references \`workspaces\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create unique index \`scoring_models_workspace_id_key_unique\` on \`scoring_models\` (\`workspace_id\`, \`key\`);`,
    );

    this.addSql(
      `create table \`scoring_rechecks\` (\`id\` text not null, \`workspace_id\` text not null, \`model_id\` text not null, \`customer_id\` text not null, \`due_at\` datetime not null, constraint \`scoring_rechecks_workspace_id_foreign\` foreign key(\`workspace_id\`) references \`workspaces\`(\`id\`) on delete cascade on update cascade, constraint \`scoring_rechecks_customer_id_foreign\` foreign key(\`customer_id\`) references \`customers\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`scoring_rechecks_workspace_id_due_at_index\` on \`scoring_rechecks\` (\`workspace_id\`, \`due_at\`);`,
    );
    this.addSql(
      `create unique index \`scoring_rechecks_model_id_customer_id_unique\` on \`scoring_rechecks\` (\`model_id\`, \`customer_id\`);`,
    );

    this.addSql(
      `create table \`lead_notifications\` (\`id\` text not null, \`workspace_id\` text not null, \`customer_id\` text not null, \`model\` text not null, \`score\` double not null, \`threshold\` double not null, \`at\` datetime not null, \`acknowledged_at\` datetime null, constraint \`lead_notifications_workspace_id_foreign\` foreign key(\`workspace_id\`) references \`workspaces\`(\`id\`) on delete cascade on update cascade, constraint \`lead_notifications_customer_id_foreign\` foreign key(\`customer_id\`) references \`customers\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`lead_notifications_customer_id_index\` on \`lead_notifications\` (\`customer_id\`);`,
    );
    this.addSql(
      `create index \`lead_notifications_workspace_id_acknowledged_at_at_index\` on \`lead_notifications\` (\`workspace_id\`, \`acknowledged_at\`, \`at\`);`,
    );
  }
}
