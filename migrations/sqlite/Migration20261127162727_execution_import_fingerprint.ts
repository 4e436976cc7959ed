import { Migration } from '@mikro-orm/migrations';

export class Migration20261127162727_execution_import_fingerprint extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`executions\` add column \`import_fingerprint\` text null;`);
    this.addSql(`create unique index \`executions_import_fingerprint_unique\` on \`executions\` (\`import_fingerprint\`);`);
  }

}
