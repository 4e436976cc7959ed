import { Migration } from '@mikro-orm/migrations';

export class Migration20261207190935_ServerAllowApiKey extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "mcp_servers" add column "allow_api_key" boolean not null default false;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "mcp_servers" drop column "allow_api_key";`);
  }

}
