import { Migration } from '@mikro-orm/migrations';

export class Migration20261202073048_kpi_metrics extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`orders\` add column \`cost\` numeric(19,4) null;`);

    this.addSql(`alter table \`lead_notifications\` add column \`accepted_at\` datetime null;`);

    this.addSql(
      `drop index \`campaign_touches_campaign_id_occurred_at_customer_id_name_amount_workspace_id_index\`;`,
    );

    this.addSql(`alter table \`campaign_touches\` add column \`cost\` double null;`);
    this.addSql(
      `create index \`campaign_touches_customer_id_campaign_id_occurred_at_index\` on \`campaign_touches\` (\`customer_id\`, \`campaign_id\`, \`occurred_at\`);`,
    );
    this.addSql(
      `create index \`campaign_touches_campaign_id_occurred_at_customer_id_name_amount_cost_workspace_id_index\` on \`campaign_touches\` (\`campaign_id\`, \`occurred_at\`, \`customer_id\`, \`name\`, \`amount\`, \`cost\`, \`workspace_id\`);`,
    );
  }
}
