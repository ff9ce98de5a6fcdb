import { Migration } from '@mikro-orm/migrations';

export class Migration20261123154808_initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "workspaces" ("id" varchar(36) not null, "name" varchar(200) not null, "created_at" timestamptz not null, constraint "workspaces_pkey" primary key ("id"));`,
    );

    this.addSql(
      `create table "customers" ("id" varchar(36) not null, "workspace_id" varchar(36) not null, "email" varchar(320) null, "traits" jsonb not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "search_text" text not null default '', constraint "customers_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "customers_workspace_id_created_at_id_index" on "customers" ("workspace_id", "created_at", "id");`,
    );
    this.addSql(
      `alter table "customers" add constraint "customers_workspace_id_email_unique" unique ("workspace_id", "email");`,
    );

    this.addSql(
      `create table "api_keys" ("id" varchar(36) not null, "workspace_id" varchar(36) not null, "name" varchar(200) not null, "prefix" varchar(16) not null, "token_hash" varchar(64) not null, "created_at" timestamptz not null, "revoked_at" timestamptz null, constraint "api_keys_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "api_keys" add constraint "api_keys_token_hash_unique" unique ("token_hash");`,
    );

    this.addSql(
      `alter table "customers" add constraint "customers_workspace_id_foreign" foreign key ("workspace_id") references "workspaces" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "api_keys" add constraint "api_keys_workspace_id_foreign" foreign key ("workspace_id") references "workspaces" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "customers" drop constraint "customers_workspace_id_foreign";`);

    this.addSql(`alter table "api_keys" drop constraint "api_keys_workspace_id_foreign";`);

    this.addSql(`drop table if exists "workspaces" cascade;`);

    this.addSql(`drop table if exists "customers" cascade;`);

    this.addSql(`drop table if exists "api_keys" cascade;`);
  }
}
