import { Migration } from '@mikro-orm/migrations';

export class Migration20261123161804_rule_facts extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "segment_memberships" ("id" varchar(36) not null, "workspace_id" varchar(36) not null, "segment_id" varchar(36) not null, "customer_id" varchar(36) not null, "entered_at" timestamptz not null, constraint "segment_memberships_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "segment_memberships" add constraint "segment_memberships_segment_id_customer_id_unique" unique ("segment_id", "customer_id");`,
    );

    this.addSql(
      `create table "score_entries" ("id" varchar(36) not null, "workspace_id" varchar(36) not null, "customer_id" varchar(36) not null, "model" varchar(100) not null, "at" timestamptz not null, "value" double precision not null, constraint "score_entries_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "score_entries_customer_id_model_at_index" on "score_entries" ("customer_id", "model", "at");`,
    );

    this.addSql(
      `create table "events" ("id" varchar(36) not null, "workspace_id" varchar(36) not null, "customer_id" varchar(36) not null, "name" varchar(200) not null, "properties" jsonb not null, "occurred_at" timestamptz not null, "received_at" timestamptz not null, "message_id" varchar(200) null, constraint "events_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "events_workspace_id_name_occurred_at_index" on "events" ("workspace_id", "name", "occurred_at");`,
    );
    this.addSql(
      `create index "events_customer_id_name_occurred_at_index" on "events" ("customer_id", "name", "occurred_at");`,
    );
    this.addSql(
      `alter table "events" add constraint "events_workspace_id_message_id_unique" unique ("workspace_id", "message_id");`,
    );

    this.addSql(
      `create table "consent_records" ("id" varchar(36) not null, "workspace_id" varchar(36) not null, "customer_id" varchar(36) not null, "channel" varchar(20) not null, "granted" boolean not null, "source" varchar(200) null, "recorded_at" timestamptz not null, constraint "consent_records_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "consent_records_customer_id_channel_recorded_at_index" on "consent_records" ("customer_id", "channel", "recorded_at");`,
    );

    this.addSql(
      `alter table "segment_memberships" add constraint "segment_memberships_workspace_id_foreign" foreign key ("workspace_id") references "workspaces" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "segment_memberships" add constraint "segment_memberships_customer_id_foreign" foreign key ("customer_id") references "customers" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "score_entries" add constraint "score_entries_workspace_id_foreign" foreign key ("workspace_id") references "workspaces" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "score_entries" add constraint "score_entries_customer_id_foreign" foreign key ("customer_id") references "customers" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "events" add constraint "events_workspace_id_foreign" foreign key ("workspace_id") references "workspaces" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "events" add constraint "events_customer_id_foreign" foreign key ("customer_id") references "customers" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "consent_records" add constraint "consent_records_workspace_id_foreign" foreign key ("workspace_id") references "workspaces" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "consent_records" add constraint "consent_records_customer_id_foreign" foreign key ("customer_id") references "customers" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "segment_memberships" cascade;`);

    this.addSql(`drop table if exists "score_entries" cascade;`);

    this.addSql(`drop table if exists "events" cascade;`);

    this.addSql(`drop table if exists "consent_records" cascade;`);
  }
}
