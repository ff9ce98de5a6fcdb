import { Migration } from '@mikro-orm/migrations';

export class Migration20261201221550_scoring extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "scoring_models" ("id" varchar(36) not null, "workspace_id" varchar(36) not null, "key" varchar(100) not null, "name" varchar(200) not null, "segment_id" varchar(36) null, "rules" jsonb not null, "half_life_days" double precision null, "mql_threshold" double precision null, "version" int not null default 1, "archived_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "scoring_models_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "scoring_models" add constraint "scoring_models_workspace_id_key_unique" unique ("workspace_id", "key");`,
    );

    this.addSql(
      `create table "scoring_rechecks" ("id" varchar(36) not null, "workspace_id" varchar(36) not null, "model_id" varchar(36) not null, "customer_id" varchar(36) not null, "due_at" timestamptz not null, constraint "scoring_rechecks_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "scoring_rechecks_workspace_id_due_at_index" on "scoring_rechecks" ("workspace_id", "due_at");`,
    );
    this.addSql(
      `alter table "scoring_rechecks" add constraint "scoring_rechecks_model_id_customer_id_unique" unique ("model_id", "customer_id");`,
    );

    this.addSql(
      `create table "lead_notifications" ("id" varchar(36) not null, "workspace_id" varchar(36) not null, "customer_id" varchar(36) not null, "model" varchar(100) not null, "score" double precision not null, "threshold" double precision not null, "at" timestamptz not null, "acknowledged_at" timestamptz null, constraint "lead_notifications_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "lead_notifications_workspace_id_acknowledged_at_at_index" on "lead_notifications" ("workspace_id", "acknowledged_at", "at");`,
    );

    this.addSql(
      `alter table "scoring_models" add constraint "scoring_models_workspace_id_foreign" foreign key ("workspace_id") references "workspaces" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "scoring_rechecks" add constraint "scoring_rechecks_workspace_id_foreign" foreign key ("workspace_id") references "workspaces" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "scoring_rechecks" add constraint "scoring_rechecks_customer_id_foreign" foreign key ("customer_id") references "customers" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "lead_notifications" add constraint "lead_notifications_workspace_id_foreign" foreign key ("workspace_id") references "workspaces" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "lead_notifications" add constraint "lead_notifications_customer_id_foreign" foreign key ("customer_id") references "customers" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "scoring_models" cascade;`);

    this.addSql(`drop table if exists "scoring_rechecks" cascade;`);

    this.addSql(`drop table if exists "lead_notifications" cascade;`);
  }
}
