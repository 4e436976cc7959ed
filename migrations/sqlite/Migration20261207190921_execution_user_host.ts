import { Migration } from '@mikro-orm/migrations';

export class Migration20261207190921_execution_user_host extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`executions\` add column \`user_name\` text null;`);
    this.addSql(`alter table \`executions\` add column \`host_name\` text null;`);
    this.addSql(`create index \`executions_user_name_index\` on \`executions\` (\`user_name\`);`);
  }

}
