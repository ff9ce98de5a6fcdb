import { Migration } from '@mikro-orm/migrations';

export class Migration20261123180129_customer_data extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "erased_identities" ("id" varchar(36) not null, "workspace_id" varchar(36) not null, "hash" varchar(64) not null, "erased_at" timestamptz not null, constraint "erased_identities_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "erased_identities" add constraint "erased_identities_workspace_id_hash_unique" unique ("workspace_id", "hash");`,
    );

    this.addSql(
      `create table "orders" ("id" varchar(36) not null, "workspace_id" varchar(36) not null, "customer_id" varchar(36) not null, "order_id" varchar(200) not null, "amount" numeric(19,4) not null, "currency" varchar(3) not null, "items" jsonb not null, "occurred_at" timestamptz not null, "received_at" timestamptz not null, constraint "orders_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "orders_customer_id_occurred_at_index" on "orders" ("customer_id", "occurred_at");`,
    );
    this.addSql(
      `alter table "orders" add constraint "orders_workspace_id_order_id_unique" unique ("workspace_id", "order_id");`,
    );

    this.addSql(
      `create table "identities" ("id" varchar(36) not null, "workspace_id" varchar(36) not null, "customer_id" varchar(36) not null, "kind" varchar(20) not null, "source" varchar(50) not null default '', "value" varchar(320) not null, "created_at" timestamptz not null, constraint "identities_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "identities_customer_id_index" on "identities" ("customer_id");`);
    this.addSql(
      `alter table "identities" add constraint "identities_workspace_id_kind_source_value_unique" unique ("workspace_id", "kind", "source", "value");`,
    );
    // Profiles created before identities existed: their email becomes their email identity.
    this.addSql(
      `insert into "identities" ("id", "workspace_id", "customer_id", "kind", "source", "value", "created_at") select "id", "workspace_id", "id", 'email', '', "email", "created_at" from "customers" where "email" is not null;`,
    );

    this.addSql(
      `create table "customer_merges" ("id" varchar(36) not null, "workspace_id" varchar(36) not null, "survivor_id" varchar(36) not null, "merged_id" varchar(36) not null, "merged_traits" jsonb not null, "moved" jsonb not null, "reason" varchar(200) not null, "merged_at" timestamptz not null, constraint "customer_merges_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "customer_merges_survivor_id_merged_at_index" on "customer_merges" ("survivor_id", "merged_at");`,
    );

    this.addSql(
      `create table "catalog_traits" ("id" varchar(36) not null, "workspace_id" varchar(36) not null, "path" varchar(500) not null, "type" varchar(20) not null, "count" bigint not null, "examples" jsonb not null, "last_seen_at" timestamptz not null, constraint "catalog_traits_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "catalog_traits" add constraint "catalog_traits_workspace_id_path_type_unique" unique ("workspace_id", "path", "type");`,
    );

    this.addSql(
      `create table "catalog_event_properties" ("id" varchar(36) not null, "workspace_id" varchar(36) not null, "event_name" varchar(200) not null, "path" varchar(500) not null, "type" varchar(20) not null, "count" bigint not null, "examples" jsonb not null, "last_seen_at" timestamptz not null, constraint "catalog_event_properties_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "catalog_event_properties" add constraint "catalog_event_properties_workspace_id_event_name__d5c44_unique" unique ("workspace_id", "event_name", "path", "type");`,
    );

    this.addSql(
      `create table "catalog_events" ("id" varchar(36) not null, "workspace_id" varchar(36) not null, "name" varchar(200) not null, "count" bigint not null, "last_seen_at" timestamptz not null, constraint "catalog_events_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "catalog_events" add constraint "catalog_events_workspace_id_name_unique" unique ("workspace_id", "name");`,
    );

    this.addSql(
      `alter table "erased_identities" add constraint "erased_identities_workspace_id_foreign" foreign key ("workspace_id") references "workspaces" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "orders" add constraint "orders_workspace_id_foreign" foreign key ("workspace_id") references "workspaces" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "orders" add constraint "orders_customer_id_foreign" foreign key ("customer_id") references "customers" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "identities" add constraint "identities_workspace_id_foreign" foreign key ("workspace_id") references "workspaces" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "identities" add constraint "identities_customer_id_foreign" foreign key ("customer_id") references "customers" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "customer_merges" add constraint "customer_merges_workspace_id_foreign" foreign key ("workspace_id") references "workspaces" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "customer_merges" add constraint "customer_merges_survivor_id_foreign" foreign key ("survivor_id") references "customers" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "catalog_traits" add constraint "catalog_traits_workspace_id_foreign" foreign key ("workspace_id") references "workspaces" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "catalog_event_properties" add constraint "catalog_event_properties_workspace_id_foreign" foreign key ("workspace_id") references "workspaces" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "catalog_events" add constraint "catalog_events_workspace_id_foreign" foreign key ("workspace_id") references "workspaces" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "workspaces" add column "erasure_key" varchar(64) not null default '';`,
    );
    this.addSql(
      `update "workspaces" set "erasure_key" = md5(random()::text) || md5(random()::text);`,
    );

    this.addSql(`alter table "customers" add column "time_zone" varchar(64) null;`);

    this.addSql(`drop index "events_workspace_id_name_occurred_at_index";`);

    this.addSql(
      `create index "events_customer_id_occurred_at_id_index" on "events" ("customer_id", "occurred_at", "id");`,
    );
    this.addSql(
      `create index "events_workspace_id_name_occurred_at_customer_id_index" on "events" ("workspace_id", "name", "occurred_at", "customer_id");`,
    );

    this.addSql(`alter table "api_keys" add column "scope" varchar(10) not null default 'admin';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "erased_identities" cascade;`);

    this.addSql(`drop table if exists "orders" cascade;`);

    this.addSql(`drop table if exists "identities" cascade;`);

    this.addSql(`drop table if exists "customer_merges" cascade;`);

    this.addSql(`drop table if exists "catalog_traits" cascade;`);

    this.addSql(`drop table if exists "catalog_event_properties" cascade;`);

    this.addSql(`drop table if exists "catalog_events" cascade;`);

    this.addSql(`alter table "api_keys" drop column "scope";`);

    this.addSql(`alter table "customers" drop column "time_zone";`);

    this.addSql(`drop index "events_customer_id_occurred_at_id_index";`);
    this.addSql(`drop index "events_workspace_id_name_occurred_at_customer_id_index";`);

    this.addSql(
      `create index "events_workspace_id_name_occurred_at_index" on "events" ("workspace_id", "name", "occurred_at");`,
    );

    this.addSql(`alter table "workspaces" drop column "erasure_key";`);
  }
}
