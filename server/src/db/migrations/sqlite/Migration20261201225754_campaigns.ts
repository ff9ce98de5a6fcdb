import { Migration } from '@mikro-orm/migrations';

export class Migration20261201225754_campaigns extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`kpi_alerts\` (\`id\` text not null, \`workspace_id\` text not null, \`campaign_id\` text not null, \`kpi_id\` text not null, \`kind\` text not null, \`value\` double null, \`target\` double not null, \`at\` datetime not null, constraint \`kpi_alerts_workspace_id_foreign\` foreign key(\`workspace_id\`) references \`workspaces\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`kpi_alerts_workspace_id_campaign_id_kpi_id_at_index\` on \`kpi_alerts\` (\`workspace_id\`, \`campaign_id\`, \`kpi_id\`, \`at\`);`,
    );

    this.addSql(
      `create table \`campaigns\` (\`id\` text not null, \`workspace_id\` text not null, \`name\` text not null, \`objective\` text not null, \`channels\` json not null, \`budget\` double null, \`utm_campaign\` text null, \`journey_ids\` json not null, \`segment_ids\` json not null, \`targets\` json not null, \`starts_at\` datetime not null, \`ends_at\` datetime null, \`archived_at\` datetime null, \`created_at\` datetime not null, \`updated_at\` datetime not null, constraint \`campaigns_workspace_id_foreign\` foreign key(\`workspace_id\`) references \`workspaces\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`campaigns_workspace_id_utm_campaign_index\` on \`campaigns\` (\`workspace_id\`, \`utm_campaign\`);`,
    );

    this.addSql(
      `create table \`campaign_touches\` (\`id\` text not null, \`workspace_id\` text not null, \`campaign_id\` text not null, \`customer_id\` text not null, \`name\` text not null, \`channel\` text not null, \`amount\` double null, \`occurred_at\` datetime not null, constraint \`campaign_touches_workspace_id_foreign\` foreign key(\`workspace_id\`) references \`workspaces\`(\`id\`) on delete cascade on update cascade, constraint \`campaign_touches_campaign_id_foreign\` foreign key(\`campaign_id\`) references \`campaigns\`(\`id\`) on delete cascade on update cascade, constraint \`campaign_touches_customer_id_foreign\` foreign key(\`customer_id\`) references \`customers\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`campaign_touches_campaign_id_occurred_at_customer_id_name_amount_workspace_id_index\` on \`campaign_touches\` (\`campaign_id\`, \`occurred_at\`, \`customer_id\`, \`name\`, \`amount\`, \`workspace_id\`);`,
    );

    this.addSql(
      `create table \`campaign_spend\` (\`id\` text not null, \`workspace_id\` text not null, \`campaign_id\` text not null, \`day\` text not null, \`channel\` text not null, \`amount\` double not null, constraint \`campaign_spend_workspace_id_foreign\` foreign key(\`workspace_id\`) references \`workspaces\`(\`id\`) on delete cascade on update cascade, constraint \`campaign_spend_campaign_id_foreign\` foreign key(\`campaign_id\`) references \`campaigns\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create unique index \`campaign_spend_campaign_id_day_channel_unique\` on \`campaign_spend\` (\`campaign_id\`, \`day\`, \`channel\`);`,
    );
  }
}
