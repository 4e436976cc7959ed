import { Migration } from '@mikro-orm/migrations';

export class Migration20261207185701_ServerAllowApiKey extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`mcp_servers\` add column \`allow_api_key\` integer not null default false;`);
  }

}
