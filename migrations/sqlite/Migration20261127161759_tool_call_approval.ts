import { Migration } from '@mikro-orm/migrations';

// Written by hand: the generated diff also rebuilt mcp_servers and executions for no change
// (SQLite diff noise); only the new column is wanted.
export class Migration20261127161759_tool_call_approval extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`messages\` add column \`approval\` text check (\`approval\` in ('approved', 'auto_approved', 'declined', 'declined_with_note')) null;`);
  }

}
