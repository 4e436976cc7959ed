import { Migration } from '@mikro-orm/migrations';

export class Migration20261207190921_execution_user_host extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "executions" add column "user_name" varchar(255) null, add column "host_name" varchar(255) null;`);
    this.addSql(`create index "executions_user_name_index" on "executions" ("user_name");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "executions_user_name_index";`);
    this.addSql(`alter table "executions" drop column "user_name", drop column "host_name";`);
  }

}
