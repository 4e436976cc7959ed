import { Migration } from '@mikro-orm/migrations';

export class Migration20261208031007_executions_dry_run extends Migration {

  override async up(): Promise<void> {

    this.addSql(`alter table "executions" add column "dry_run" boolean not null default false;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "executions" drop column "dry_run";`);

  }

}
