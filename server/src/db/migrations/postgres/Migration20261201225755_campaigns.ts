import { Migration } from '@mikro-orm/migrations';

export class Migration20261201225755_campaigns extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "kpi_alerts" ("id" varchar(36) not null, "workspace_id" varchar(36) not null, "campaign_id" varchar(36) not null, "kpi_id" varchar(100) not null, "kind" varchar(20) not null, "value" double precision null, "target" double precision not null, "at" timestamptz not null, constraint "kpi_alerts_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "kpi_alerts_workspace_id_campaign_id_kpi_id_at_index" on "kpi_alerts" ("workspace_id", "campaign_id", "kpi_id", "at");`,
    );

    this.addSql(
      `create table "campaigns" ("id" varchar(36) not null, "workspace_id" varchar(36) not null, "name" varchar(200) not null, "objective" varchar(20) not null, "channels" jsonb not null, "budget" double precision null, "utm_campaign" varchar(200) null, "journey_ids" jsonb not null, "segment_ids" jsonb not null, "targets" jsonb not null, "starts_at" timestamptz not null, "ends_at" timestamptz null, "archived_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "campaigns_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "campaigns_workspace_id_utm_campaign_index" on "campaigns" ("workspace_id", "utm_campaign");`,
    );

    this.addSql(
      `create table "campaign_touches" ("id" varchar(36) not null, "workspace_id" varchar(36) not null, "campaign_id" varchar(36) not null, "customer_id" varchar(36) not null, "name" varchar(200) not null, "channel" varchar(50) not null, "amount" double precision null, "occurred_at" timestamptz not null, constraint "campaign_touches_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "campaign_touches_campaign_id_occurred_at_customer__ea02a_index" on "campaign_touches" ("campaign_id", "occurred_at", "customer_id", "name", "amount", "workspace_id");`,
    );

    this.addSql(
      `create table "campaign_spend" ("id" varchar(36) not null, "workspace_id" varchar(36) not null, "campaign_id" varchar(36) not null, "day" varchar(10) not null, "channel" varchar(50) not null, "amount" double precision not null, constraint "campaign_spend_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "campaign_spend" add constraint "campaign_spend_campaign_id_day_channel_unique" unique ("campaign_id", "day", "channel");`,
    );

    this.addSql(
      `alter table "kpi_alerts" add constraint "kpi_alerts_workspace_id_foreign" foreign key ("workspace_id") references "workspaces" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "campaigns" add constraint "campaigns_workspace_id_foreign" foreign key ("workspace_id") references "workspaces" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "campaign_touches" add constraint "campaign_touches_workspace_id_foreign" foreign key ("workspace_id") references "workspaces" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "campaign_touches" add constraint "campaign_touches_campaign_id_foreign" foreign key ("campaign_id") references "campaigns" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "campaign_touches" add constraint "campaign_touches_customer_id_foreign" foreign key ("customer_id") references "customers" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "campaign_spend" add constraint "campaign_spend_workspace_id_foreign" foreign key ("workspace_id") references "workspaces" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "campaign_spend" add constraint "campaign_spend_campaign_id_foreign" foreign key ("campaign_id") references "campaigns" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "campaign_touches" drop constraint "campaign_touches_campaign_id_foreign";`,
    );

    this.addSql(
      `alter table "campaign_spend" drop constraint "campaign_spend_campaign_id_foreign";`,
    );

    this.addSql(`drop table if exists "kpi_alerts" cascade;`);

    this.addSql(`drop table if exists "campaigns" cascade;`);

    this.addSql(`drop table if exists "campaign_touches" cascade;`);

    this.addSql(`drop table if exists "campaign_spend" cascade;`);
  }
}
