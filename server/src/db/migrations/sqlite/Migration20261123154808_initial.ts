import { Migration } from '@mikro-orm/migrations';

export class Migration20261123154808_initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`workspaces\` (\`id\` text not null, \`name\` text not null, \`created_at\` datetime not null, primary key (\`id\`));`,
    );

    this.addSql(
      `create table \`customers\` (\`id\` text not null, \`workspace_id\` text not null, \`email\` text null, \`traits\` json not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`search_text\` text not null default '', constraint \`customers_workspace_id_foreign\` foreign key(\`workspace_id\`) references \`workspaces\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`customers_workspace_id_index\` on \`customers\` (\`workspace_id\`);`,
    );
    this.addSql(
      `create index \`customers_workspace_id_created_at_id_index\` on \`customers\` (\`workspace_id\`, \`created_at\`, \`id\`);`,
    );
    this.addSql(
      `create unique index \`customers_workspace_id_email_unique\` on \`customers\` (\`workspace_id\`, \`email\`);`,
    );

    this.addSql(
      `create table \`api_keys\` (\`id\` text not null, \`workspace_id\` text not null, \`name\` text not null, \`prefix\` text not null, \`token_hash\` text not null, \`created_at\` datetime not null, \`revoked_at\` datetime null, constraint \`api_keys_workspace_id_foreign\` foreign key(\`workspace_id\`) references \`workspaces\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`api_keys_workspace_id_index\` on \`api_keys\` (\`workspace_id\`);`);
    this.addSql(
      `create unique index \`api_keys_token_hash_unique\` on \`api_keys\` (\`token_hash\`);`,
    );
  }
}
