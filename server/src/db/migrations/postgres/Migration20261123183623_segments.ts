import { Migration } from '@mikro-orm/migrations';

export class Migration20261123183623_segments extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "segments" ("id" varchar(36) not null, "workspace_id" varchar(36) not null, "name" varchar(200) not null, "description" text not null default '', "rule" jsonb not null, "version" int not null default 1, "computed_at" timestamptz null, "archived_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "segments_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "segments_workspace_id_archived_at_name_index" on "segments" ("workspace_id", "archived_at", "name");`,
    );

    this.addSql(
      `create table "segment_versions" ("id" varchar(36) not null, "workspace_id" varchar(36) not null, "segment_id" varchar(36) not null, "version" int not null, "name" varchar(200) not null, "description" text not null, "rule" jsonb not null, "created_at" timestamptz not null, constraint "segment_versions_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "segment_versions" add constraint "segment_versions_segment_id_version_unique" unique ("segment_id", "version");`,
    );

    this.addSql(
      `create table "segment_transitions" ("id" varchar(36) not null, "workspace_id" varchar(36) not null, "segment_id" varchar(36) not null, "customer_id" varchar(36) not null, "kind" varchar(10) not null, "cause" varchar(10) not null, "at" timestamptz not null, constraint "segment_transitions_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "segment_transitions_customer_id_at_index" on "segment_transitions" ("customer_id", "at");`,
    );
    this.addSql(
      `create index "segment_transitions_segment_id_at_index" on "segment_transitions" ("segment_id", "at");`,
    );

    this.addSql(
      `create table "segment_rechecks" ("id" varchar(36) not null, "workspace_id" varchar(36) not null, "segment_id" varchar(36) not null, "customer_id" varchar(36) not null, "due_at" timestamptz not null, constraint "segment_rechecks_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "segment_rechecks_due_at_index" on "segment_rechecks" ("due_at");`);
    this.addSql(
      `alter table "segment_rechecks" add constraint "segment_rechecks_segment_id_customer_id_unique" unique ("segment_id", "customer_id");`,
    );

    this.addSql(
      `alter table "segments" add constraint "segments_workspace_id_foreign" foreign key ("workspace_id") references "workspaces" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "segment_versions" add constraint "segment_versions_workspace_id_foreign" foreign key ("workspace_id") references "workspaces" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "segment_versions" add constraint "segment_versions_segment_id_foreign" foreign key ("segment_id") references "segments" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "segment_transitions" add constraint "segment_transitions_workspace_id_foreign" foreign key ("workspace_id") references "workspaces" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "segment_transitions" add constraint "segment_transitions_customer_id_foreign" foreign key ("customer_id") references "customers" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "segment_rechecks" add constraint "segment_rechecks_workspace_id_foreign" foreign key ("workspace_id") references "workspaces" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "segment_rechecks" add constraint "segment_rechecks_customer_id_foreign" foreign key ("customer_id") references "customers" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "segment_versions" drop constraint "segment_versions_segment_id_foreign";`,
    );

    this.addSql(`drop table if exists "segments" cascade;`);

    this.addSql(`drop table if exists "segment_versions" cascade;`);

    this.addSql(`drop table if exists "segment_transitions" cascade;`);

    this.addSql(`drop table if exists "segment_rechecks" cascade;`);
  }
}
