import { Migration } from '@mikro-orm/migrations';

export class Migration20261127154924_mcp_server_form_fields extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`mcp_servers\` add column \`enabled\` integer not null default true;`);
    this.addSql(`alter table \`mcp_servers\` add column \`timeout_ms\` integer null;`);
    this.addSql(`alter table \`mcp_servers\` add column \`include_tools\` json null;`);
    this.addSql(`alter table \`mcp_servers\` add column \`exclude_tools\` json null;`);
    this.addSql(`alter table \`mcp_servers\` add column \`trust\` integer not null default false;`);
    this.addSql(`alter table \`mcp_servers\` add column \`transport\` text check (\`transport\` in ('stdio', 'http', 'sse')) not null default 'stdio';`);
    this.addSql(`alter table \`mcp_servers\` add column \`url\` text null;`);
    this.addSql(`alter table \`mcp_servers\` add column \`headers\` json null;`);
    this.addSql(`alter table \`mcp_servers\` add column \`client_keys\` json null;`);
    this.addSql(`alter table \`mcp_servers\` add column \`client_inputs\` json null;`);
  }

}
