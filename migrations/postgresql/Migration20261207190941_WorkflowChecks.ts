import { Migration } from '@mikro-orm/migrations';

export class Migration20261207190941_WorkflowChecks extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "workflows" add column "checks" text check ("checks" in ('off', 'compile', 'full')) not null default 'full';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "workflows" drop column "checks";`);
  }

}
