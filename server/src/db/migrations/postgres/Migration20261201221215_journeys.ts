import { Migration } from '@mikro-orm/migrations';

export class Migration20261201221215_journeys extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "journeys" ("id" varchar(36) not null, "workspace_id" varchar(36) not null, "name" varchar(200) not null, "description" text not null default '', "status" varchar(20) not null default 'draft', "draft" jsonb not null, "draft_revision" int not null default 1, "live_version" int null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "journeys_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "journeys_workspace_id_status_name_index" on "journeys" ("workspace_id", "status", "name");`,
    );

    this.addSql(
      `create table "journey_versions" ("id" varchar(36) not null, "workspace_id" varchar(36) not null, "journey_id" varchar(36) not null, "version" int not null, "graph" jsonb not null, "plan" jsonb not null, "changes" jsonb not null, "published_at" timestamptz not null, constraint "journey_versions_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "journey_versions" add constraint "journey_versions_journey_id_version_unique" unique ("journey_id", "version");`,
    );

    this.addSql(
      `create table "journey_schedules" ("id" varchar(36) not null, "workspace_id" varchar(36) not null, "journey_id" varchar(36) not null, "ran_until" timestamptz not null, constraint "journey_schedules_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "journey_schedules" add constraint "journey_schedules_journey_id_unique" unique ("journey_id");`,
    );

    this.addSql(
      `create table "outbox_messages" ("id" varchar(36) not null, "workspace_id" varchar(36) not null, "journey_id" varchar(36) not null, "version" int not null, "customer_id" varchar(36) not null, "node_id" varchar(100) not null, "entry_number" int not null, "idempotency_key" varchar(300) not null, "channel" varchar(20) not null, "template" jsonb not null, "status" varchar(10) not null default 'pending', "due_at" timestamptz not null, "lease_until" timestamptz null, "attempts" int not null default 0, "last_error" text null, "skip_reason" varchar(30) null, "sent_at" timestamptz null, "provider_message_id" varchar(300) null, "created_at" timestamptz not null, constraint "outbox_messages_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "outbox_messages_journey_id_customer_id_sent_at_index" on "outbox_messages" ("journey_id", "customer_id", "sent_at");`,
    );
    this.addSql(
      `create index "outbox_messages_status_due_at_index" on "outbox_messages" ("status", "due_at");`,
    );
    this.addSql(
      `alter table "outbox_messages" add constraint "outbox_messages_workspace_id_idempotency_key_unique" unique ("workspace_id", "idempotency_key");`,
    );

    this.addSql(
      `create table "journey_inbox" ("id" varchar(36) not null, "workspace_id" varchar(36) not null, "journey_id" varchar(36) not null, "customer_id" varchar(36) not null, "reason" varchar(30) not null, "due_at" timestamptz not null, "lease_until" timestamptz null, "attempts" int not null default 0, "last_error" text null, constraint "journey_inbox_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "journey_inbox_due_at_index" on "journey_inbox" ("due_at");`);

    this.addSql(
      `create table "journey_enrollments" ("id" varchar(36) not null, "workspace_id" varchar(36) not null, "journey_id" varchar(36) not null, "version" int not null, "customer_id" varchar(36) not null, "entry_number" int not null, "status" varchar(10) not null default 'active', "node_id" varchar(100) not null, "since" timestamptz not null, "awaiting" varchar(200) null, "entered_at" timestamptz not null, "exited_at" timestamptz null, "exit_reason" varchar(20) null, "converted_at" timestamptz null, "goal_node_id" varchar(100) null, constraint "journey_enrollments_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "journey_enrollments_journey_id_status_node_id_index" on "journey_enrollments" ("journey_id", "status", "node_id");`,
    );
    this.addSql(
      `create index "journey_enrollments_customer_id_status_index" on "journey_enrollments" ("customer_id", "status");`,
    );
    this.addSql(
      `alter table "journey_enrollments" add constraint "journey_enrollments_journey_id_customer_id_entry_number_unique" unique ("journey_id", "customer_id", "entry_number");`,
    );

    this.addSql(
      `create table "journey_timers" ("id" varchar(36) not null, "workspace_id" varchar(36) not null, "enrollment_id" varchar(36) not null, "node_id" varchar(100) not null, "due_at" timestamptz not null, "lease_until" timestamptz null, "attempts" int not null default 0, "last_error" text null, "failed_at" timestamptz null, constraint "journey_timers_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "journey_timers_due_at_index" on "journey_timers" ("due_at");`);
    this.addSql(
      `alter table "journey_timers" add constraint "journey_timers_enrollment_id_unique" unique ("enrollment_id");`,
    );

    this.addSql(
      `create table "journey_steps" ("id" varchar(36) not null, "workspace_id" varchar(36) not null, "journey_id" varchar(36) not null, "version" int not null, "enrollment_id" varchar(36) not null, "node_id" varchar(100) not null, "kind" varchar(10) not null, "handle" varchar(40) null, "at" timestamptz not null, constraint "journey_steps_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "journey_steps_enrollment_id_at_index" on "journey_steps" ("enrollment_id", "at");`,
    );
    this.addSql(
      `create index "journey_steps_journey_id_version_node_id_index" on "journey_steps" ("journey_id", "version", "node_id");`,
    );

    this.addSql(
      `alter table "journeys" add constraint "journeys_workspace_id_foreign" foreign key ("workspace_id") references "workspaces" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "journey_versions" add constraint "journey_versions_workspace_id_foreign" foreign key ("workspace_id") references "workspaces" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "journey_versions" add constraint "journey_versions_journey_id_foreign" foreign key ("journey_id") references "journeys" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "journey_schedules" add constraint "journey_schedules_workspace_id_foreign" foreign key ("workspace_id") references "workspaces" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "journey_schedules" add constraint "journey_schedules_journey_id_foreign" foreign key ("journey_id") references "journeys" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "outbox_messages" add constraint "outbox_messages_workspace_id_foreign" foreign key ("workspace_id") references "workspaces" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "outbox_messages" add constraint "outbox_messages_journey_id_foreign" foreign key ("journey_id") references "journeys" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "outbox_messages" add constraint "outbox_messages_customer_id_foreign" foreign key ("customer_id") references "customers" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "journey_inbox" add constraint "journey_inbox_workspace_id_foreign" foreign key ("workspace_id") references "workspaces" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "journey_inbox" add constraint "journey_inbox_journey_id_foreign" foreign key ("journey_id") references "journeys" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "journey_inbox" add constraint "journey_inbox_customer_id_foreign" foreign key ("customer_id") references "customers" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "journey_enrollments" add constraint "journey_enrollments_workspace_id_foreign" foreign key ("workspace_id") references "workspaces" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "journey_enrollments" add constraint "journey_enrollments_journey_id_foreign" foreign key ("journey_id") references "journeys" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "journey_enrollments" add constraint "journey_enrollments_customer_id_foreign" foreign key ("customer_id") references "customers" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "journey_timers" add constraint "journey_timers_workspace_id_foreign" foreign key ("workspace_id") references "workspaces" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "journey_timers" add constraint "journey_timers_enrollment_id_foreign" foreign key ("enrollment_id") references "journey_enrollments" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "journey_steps" add constraint "journey_steps_workspace_id_foreign" foreign key ("workspace_id") references "workspaces" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "journey_steps" add constraint "journey_steps_journey_id_foreign" foreign key ("journey_id") references "journeys" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "journey_steps" add constraint "journey_steps_enrollment_id_foreign" foreign key ("enrollment_id") references "journey_enrollments" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "journey_versions" drop constraint "journey_versions_journey_id_foreign";`,
    );

    this.addSql(
      `alter table "journey_schedules" drop constraint "journey_schedules_journey_id_foreign";`,
    );

    this.addSql(
      `alter table "outbox_messages" drop constraint "outbox_messages_journey_id_foreign";`,
    );

    this.addSql(`alter table "journey_inbox" drop constraint "journey_inbox_journey_id_foreign";`);

    this.addSql(
      `alter table "journey_enrollments" drop constraint "journey_enrollments_journey_id_foreign";`,
    );

    this.addSql(`alter table "journey_steps" drop constraint "journey_steps_journey_id_foreign";`);

    this.addSql(
      `alter table "journey_timers" drop constraint "journey_timers_enrollment_id_foreign";`,
    );

    this.addSql(
      `alter table "journey_steps" drop constraint "journey_steps_enrollment_id_foreign";`,
    );

    this.addSql(`drop table if exists "journeys" cascade;`);

    this.addSql(`drop table if exists "journey_versions" cascade;`);

    this.addSql(`drop table if exists "journey_schedules" cascade;`);

    this.addSql(`drop table if exists "outbox_messages" cascade;`);

    this.addSql(`drop table if exists "journey_inbox" cascade;`);

    this.addSql(`drop table if exists "journey_enrollments" cascade;`);

    this.addSql(`drop table if exists "journey_timers" cascade;`);

    this.addSql(`drop table if exists "journey_steps" cascade;`);
  }
}
