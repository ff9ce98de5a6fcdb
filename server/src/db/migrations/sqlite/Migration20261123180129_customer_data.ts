import { Migration } from '@mikro-orm/migrations';

export class Migration20261123180129_customer_data extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`erased_identities\` (\`id\` text not null, \`workspace_id\` text not null, \`hash\` text not null, \`erased_at\` datetime not null, constraint \`erased_identities_workspace_id_foreign\` foreign key(\`workspace_id\`) references \`workspaces\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create unique index \`erased_identities_workspace_id_hash_unique\` on \`erased_identities\` (\`workspace_id\`, \`hash\`);`,
    );

    this.addSql(
      `create table \`orders\` (\`id\` text not null, \`workspace_id\` text not null, \`customer_id\` text not null, \`order_id\` text not null, \`amount\` numeric(19,4) not null, \`currency\` text not null, \`items\` json not null, \`occurred_at\` datetime not null, \`received_at\` datetime not null, constraint \`orders_workspace_id_foreign\` foreign key(\`workspace_id\`) references \`workspaces\`(\`id\`) on delete cascade on update cascade, constraint \`orders_customer_id_foreign\` foreign key(\`customer_id\`) references \`customers\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`orders_customer_id_occurred_at_index\` on \`orders\` (\`customer_id\`, \`occurred_at\`);`,
    );
    this.addSql(
      `create unique index \`orders_workspace_id_order_id_unique\` on \`orders\` (\`workspace_id\`, \`order_id\`);`,
    );

    this.addSql(
      `create table \`identities\` (\`id\` text not null, \`workspace_id\` text not null, \`customer_id\` text not null, \`kind\` text not null, \`source\` text not null default '', \`value\` text not null, \`created_at\` datetime not null, constraint \`identities_workspace_id_foreign\` foreign key(\`workspace_id\`) references \`workspaces\`(\`id\`) on delete cascade on update cascade, constraint \`identities_customer_id_foreign\` foreign key(\`customer_id\`) references \`customers\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`identities_customer_id_index\` on \`identities\` (\`customer_id\`);`,
    );
    this.addSql(
      `create unique index \`identities_workspace_id_kind_source_value_unique\` on \`identities\` (\`workspace_id\`, \`kind\`, \`source\`, \`value\`);`,
    );
    // Profiles created before identities existed: their email becomes their email identity.
    this.addSql(
      `insert into \`identities\` (\`id\`, \`workspace_id\`, \`customer_id\`, \`kind\`, \`source\`, \`value\`, \`created_at\`) select \`id\`, \`workspace_id\`, \`id\`, 'email', '', \`email\`, \`created_at\` from \`customers\` where \`email\` is not null;`,
    );

    this.addSql(
      `create table \`customer_merges\` (\`id\` text not null, \`workspace_id\` text not null, \`survivor_id\` text not null, \`merged_id\` text not null, \`merged_traits\` json not null, \`moved\` json not null, \`reason\` text not null, \`merged_at\` datetime not null, constraint \`customer_merges_workspace_id_foreign\` foreign key(\`workspace_id\`) references \`workspaces\`(\`id\`) on delete cascade on update cascade, constraint \`customer_merges_survivor_id_foreign\` foreign key(\`survivor_id\`) references \`customers\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`customer_merges_survivor_id_merged_at_index\` on \`customer_merges\` (\`survivor_id\`, \`merged_at\`);`,
    );

    this.addSql(
      `create table \`catalog_traits\` (\`id\` text not null, \`workspace_id\` text not null, \`path\` text not null, \`type\` text not null, \`count\` bigint not null, \`examples\` json not null, \`last_seen_at\` datetime not null, constraint \`catalog_traits_workspace_id_foreign\` foreign key(\`workspace_id\`) references \`workspaces\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create unique index \`catalog_traits_workspace_id_path_type_unique\` on \`catalog_traits\` (\`workspace_id\`, \`path\`, \`type\`);`,
    );

    this.addSql(
      `create table \`catalog_event_properties\` (\`id\` text not null, \`workspace_id\` text not null, \`event_name\` text not null, \`path\` text not null, \`type\` text not null, \`count\` bigint not null, \`examples\` json not null, \`last_seen_at\` datetime not null, constraint \`catalog_event_properties_workspace_id_foreign\` foreign key(\`workspace_id\`) references \`workspaces\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create unique index \`catalog_event_properties_workspace_id_event_name_path_type_unique\` on \`catalog_event_properties\` (\`workspace_id\`, \`event_name\`, \`path\`, \`type\`);`,
    );

    this.addSql(
      `create table \`catalog_events\` (\`id\` text not null, \`workspace_id\` text not null, \`name\` text not null, \`count\` bigint not null, \`last_seen_at\` datetime not null, constraint \`catalog_events_workspace_id_foreign\` foreign key(\`workspace_id\`) references \`workspaces\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create unique index \`catalog_events_workspace_id_name_unique\` on \`catalog_events\` (\`workspace_id\`, \`name\`);`,
    );

    this.addSql(`alter table \`workspaces\` add column \`erasure_key\` text not null default '';`);
    this.addSql(`update \`workspaces\` set \`erasure_key\` = lower(hex(randomblob(32)));`);

    this.addSql(`alter table \`customers\` add column \`time_zone\` text null;`);

    this.addSql(`drop index \`events_workspace_id_name_occurred_at_index\`;`);

    this.addSql(
      `create index \`events_customer_id_occurred_at_id_index\` on \`events\` (\`customer_id\`, \`occurred_at\`, \`id\`);`,
    );
    this.addSql(
      `create index \`events_workspace_id_name_occurred_at_customer_id_index\` on \`events\` (\`workspace_id\`, \`name\`, \`occurred_at\`, \`customer_id\`);`,
    );

    this.addSql(`alter table \`api_keys\` add column \`scope\` text not null default 'admin';`);
  }
}
