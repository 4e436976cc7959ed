import { Migration } from '@mikro-orm/migrations';

export class Migration20261127184334_approval_request extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`messages\` add column \`approval_request\` json null;`);
  }

}
