import { Migration } from '@mikro-orm/migrations';

export class Migration20261201221214_journeys extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`journeys\` (\`id\` text not null, \`workspace_id\` text not null, \`name\` text not null, \`description\` text not null default '', \`status\` text not null default 'draft', \`draft\` json not null, \`draft_revision\` integer not null default 1, \`live_version\` integer null, \`created_at\` datetime not null, \`updated_at\` datetime not null, constraint \`journeys_workspace_id_foreign\` foreign key(\`workspace_id\`) references \`workspaces\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`journeys_workspace_id_status_name_index\` on \`journeys\` (\`workspace_id\`, \`status\`, \`name\`);`,
    );

    this.addSql(
      `create table \`journey_versions\` (\`id\` text not null, \`workspace_id\` text not null, \`journey_id\` text not null, \`version\` integer not null, \`graph\` json not null, \`plan\` json not null, \`changes\` json not null, \`published_at\` datetime not null, constraint \`journey_versions_workspace_id_foreign\` foreign key(\`workspace_id\`) references \`workspaces\`(\`id\`) on delete cascade on update cascade, constraint \`journey_versions_journey_id_foreign\` foreign key(\`journey_id\`) references \`journeys\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create unique index \`journey_versions_journey_id_version_unique\` on \`journey_versions\` (\`journey_id\`, \`version\`);`,
    );

    this.addSql(
      `create table \`journey_schedules\` (\`id\` text not null, \`workspace_id\` text not null, \`journey_id\` text not null, \`ran_until\` datetime not null, constraint \`journey_schedules_workspace_id_foreign\` foreign key(\`workspace_id\`) references \`workspaces\`(\`id\`) on delete cascade on update cascade, constraint \`journey_schedules_journey_id_foreign\` foreign key(\`journey_id\`) references \`journeys\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create unique index \`journey_schedules_journey_id_unique\` on \`journey_schedules\` (\`journey_id\`);`,
    );

    this.addSql(
      `create table \`outbox_messages\` (\`id\` text not null, \`workspace_id\` text not null, \`journey_id\` text not null, \`version\` integer not null, \`customer_id\` text not null, \`node_id\` text not null, \`entry_number\` integer not null, \`idempotency_key\` text not null, \`channel\` text not null, \`template\` json not null, \`status\` text not null default 'pending', \`due_at\` datetime not null, \`lease_until\` datetime null, \`attempts\` integer not null default 0, \`last_error\` text null, \`skip_reason\` text null, \`sent_at\` datetime null, \`provider_message_id\` text null, \`created_at\` datetime not null, constraint \`outbox_messages_workspace_id_foreign\` foreign key(\`workspace_id\`) references \`workspaces\`(\`id\`) on delete cascade on update cascade, constraint \`outbox_messages_journey_id_foreign\` foreign key(\`journey_id\`) references \`journeys\`(\`id\`) on delete cascade on update cascade, constraint \`outbox_messages_customer_id_foreign\` foreign key(\`customer_id\`) references \`customers\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`outbox_messages_journey_id_customer_id_sent_at_index\` on \`outbox_messages\` (\`journey_id\`, \`customer_id\`, \`sent_at\`);`,
    );
    this.addSql(
      `create index \`outbox_messages_status_due_at_index\` on \`outbox_messages\` (\`status\`, \`due_at\`);`,
    );
    this.addSql(
      `create unique index \`outbox_messages_workspace_id_idempotency_key_unique\` on \`outbox_messages\` (\`workspace_id\`, \`idempotency_key\`);`,
    );

    this.addSql(
      `create table \`journey_inbox\` (\`id\` text not null, \`workspace_id\` text not null, \`journey_id\` text not null, \`customer_id\` text not null, \`reason\` text not null, \`due_at\` datetime not null, \`lease_until\` datetime null, \`attempts\` integer not null default 0, \`last_error\` text null, constraint \`journey_inbox_workspace_id_foreign\` foreign key(\`workspace_id\`) references \`workspaces\`(\`id\`) on delete cascade on update cascade, constraint \`journey_inbox_journey_id_foreign\` foreign key(\`journey_id\`) references \`journeys\`(\`id\`) on delete cascade on update cascade, constraint \`journey_inbox_customer_id_foreign\` foreign key(\`customer_id\`) references \`customers\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`journey_inbox_due_at_index\` on \`journey_inbox\` (\`due_at\`);`);

    this.addSql(
      `create table \`journey_enrollments\` (\`id\` text not null, \`workspace_id\` text not null, \`journey_id\` text not null, \`version\` integer not null, \`customer_id\` text not null, \`entry_number\` integer not null, \`status\` text not null default 'active', \`node_id\` text not null, \`since\` datetime not null, \`awaiting\` text null, \`entered_at\` datetime not null, \`exited_at\` datetime null, \`exit_reason\` text null, \`converted_at\` datetime null, \`goal_node_id\` text null, constraint \`journey_enrollments_workspace_id_foreign\` foreign key(\`workspace_id\`) references \`workspaces\`(\`id\`) on delete cascade on update cascade, constraint \`journey_enrollments_journey_id_foreign\` foreign key(\`journey_id\`) references \`journeys\`(\`id\`) on delete cascade on update cascade, constraint \`journey_enrollments_customer_id_foreign\` foreign key(\`customer_id\`) references \`customers\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`journey_enrollments_journey_id_status_node_id_index\` on \`journey_enrollments\` (\`journey_id\`, \`status\`, \`node_id\`);`,
    );
    this.addSql(
      `create index \`journey_enrollments_customer_id_status_index\` on \`journey_enrollments\` (\`customer_id\`, \`status\`);`,
    );
    this.addSql(
      `create unique index \`journey_enrollments_journey_id_customer_id_entry_number_unique\` on \`journey_enrollments\` (\`journey_id\`, \`customer_id\`, \`entry_number\`);`,
    );

    this.addSql(
      `create table \`journey_timers\` (\`id\` text not null, \`workspace_id\` text not null, \`enrollment_id\` text not null, \`node_id\` text not null, \`due_at\` datetime not null, \`lease_until\` datetime null, \`attempts\` integer not null default 0, \`last_error\` text null, \`failed_at\` datetime null, constraint \`journey_timers_workspace_id_foreign\` foreign key(\`workspace_id\`) references \`workspaces\`(\`id\`) on delete cascade on update cascade, constraint \`journey_timers_enrollment_id_foreign\` foreign key(\`enrollment_id\`) references \`journey_enrollments\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`journey_timers_due_at_index\` on \`journey_timers\` (\`due_at\`);`);
    this.addSql(
      `create unique index \`journey_timers_enrollment_id_unique\` on \`journey_timers\` (\`enrollment_id\`);`,
    );

    this.addSql(
      `create table \`journey_steps\` (\`id\` text not null, \`workspace_id\` text not null, \`journey_id\` text not null, \`version\` integer not null, \`enrollment_id\` text not null, \`node_id\` text not null, \`kind\` text not null, \`handle\` text null, \`at\` datetime not null, constraint \`journey_steps_workspace_id_foreign\` foreign key(\`workspace_id\`) references \`workspaces\`(\`id\`) on delete cascade on update cascade, constraint \`journey_steps_journey_id_foreign\` foreign key(\`journey_id\`) references \`journeys\`(\`id\`) on delete cascade on update cascade, constraint \`journey_steps_enrollment_id_foreign\` foreign key(\`enrollment_id\`) references \`journey_enrollments\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`journey_steps_enrollment_id_at_index\` on \`journey_steps\` (\`enrollment_id\`, \`at\`);`,
    );
    this.addSql(
      `create index \`journey_steps_journey_id_version_node_id_index\` on \`journey_steps\` (\`journey_id\`, \`version\`, \`node_id\`);`,
    );
  }
}
