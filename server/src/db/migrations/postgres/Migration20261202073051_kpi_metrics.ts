import { Migration } from '@mikro-orm/migrations';

export class Migration20261202073051_kpi_metrics extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "orders" add column "cost" numeric(19,4) null;`);

    this.addSql(`alter table "lead_notifications" add column "accepted_at" timestamptz null;`);

    this.addSql(`drop index "campaign_touches_campaign_id_occurred_at_customer__ea02a_index";`);

    this.addSql(`alter table "campaign_touches" add column "cost" double precision null;`);
    this.addSql(
      `create index "campaign_touches_customer_id_campaign_id_occurred_at_index" on "campaign_touches" ("customer_id", "campaign_id", "occurred_at");`,
    );
    this.addSql(
      `create index "campaign_touches_campaign_id_occurred_at_customer__ab5fb_index" on "campaign_touches" ("campaign_id", "occurred_at", "customer_id", "name", "amount", "cost", "workspace_id");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "campaign_touches_customer_id_campaign_id_occurred_at_index";`);
    this.addSql(`drop index "campaign_touches_campaign_id_occurred_at_customer__ab5fb_index";`);
    this.addSql(`alter table "campaign_touches" drop column "cost";`);

    this.addSql(
      `create index "campaign_touches_campaign_id_occurred_at_customer__ea02a_index" on "campaign_touches" ("campaign_id", "occurred_at", "customer_id", "name", "amount", "workspace_id");`,
    );

    this.addSql(`alter table "lead_notifications" drop column "accepted_at";`);

    this.addSql(`alter table "orders" drop column "cost";`);
  }
}
